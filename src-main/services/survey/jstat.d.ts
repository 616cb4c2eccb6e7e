// jstat ships without type declarations; the survey statistics use only these distribution functions.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
  }
  const jStat: {
    chisquare: Distribution;
    normal: Distribution;
    studentt: Distribution;
  };
  export default jStat;
}
