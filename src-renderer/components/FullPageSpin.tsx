import { Spin } from 'antd';

export function FullPageSpin() {
  return (
    <div className="wb-splash">
      <Spin size="large" />
    </div>
  );
}
