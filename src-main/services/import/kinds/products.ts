import { nowIso } from '../../context';
import { addNamed, loadNamed, nameKey, resolveNamed, type NamedLookup } from './lookups';
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { Upserter } from './upsert';

/** The product catalogue (P1.2): upsert by product code, or by name when the sheet has no codes. */
const L = (k: string) => `importExport.fields.products.${k}`;
/** The defaults of the table's NOT NULL columns (001-initial), stored for a new product the sheet leaves them empty for. */
const DEFAULT = { listPrice: 0, cost: 0, active: true };

export const productsKind: ImportKind<NamedLookup> = {
  kind: 'products',
  label: 'importExport.kinds.products',
  fields: [
    {
      key: 'code',
      label: L('code'),
      type: 'text',
      maxLength: 40,
      shape: 'code',
      example: 'P-1001',
      synonyms: [
        '产品编号',
        '产品代码',
        '产品编码',
        '产品ID',
        '商品编号',
        '商品编码',
        '物料编码',
        '货号',
        '编码',
        'SKU',
        'Product ID',
        'Product Code',
        'Item Code',
        'Item No',
        'Code',
        'ID',
      ],
    },
    {
      key: 'name',
      label: L('name'),
      type: 'text',
      required: true,
      maxLength: 200,
      shape: 'name',
      example: '智能门锁 X1',
      synonyms: [
        '产品名称',
        '产品',
        '商品名称',
        '商品',
        '品名',
        '名称',
        'Product',
        'Product Name',
        'Item',
        'Item Name',
        'Name',
      ],
    },
    {
      key: 'category',
      label: L('category'),
      type: 'text',
      maxLength: 50,
      shape: 'group',
      example: '安防',
      synonyms: ['类别', '品类', '产品类别', '产品分类', '分类', '类目', 'Category', 'Product Category', 'Type'],
    },
    {
      key: 'positioning',
      label: L('positioning'),
      type: 'text',
      maxLength: 200,
      shape: 'group',
      example: '中端',
      synonyms: ['定位', '产品定位', '市场定位', 'Positioning', 'Segment'],
    },
    {
      key: 'listPrice',
      label: L('listPrice'),
      type: 'money',
      min: 0,
      example: 1299,
      synonyms: [
        '标准价',
        '定价',
        '售价',
        '单价',
        '价格',
        '零售价',
        '指导价',
        'List Price',
        'Price',
        'Unit Price',
        'Retail Price',
      ],
      default: { value: DEFAULT.listPrice, newOnly: true },
    },
    {
      key: 'cost',
      label: L('cost'),
      type: 'money',
      min: 0,
      example: 800,
      synonyms: ['成本', '成本价', '进价', '采购价', 'Cost', 'Unit Cost'],
      default: { value: DEFAULT.cost, newOnly: true },
    },
    {
      key: 'active',
      label: L('active'),
      type: 'bool',
      example: '是',
      synonyms: ['在售', '是否在售', '启用', '状态', 'Active', 'On Sale', 'Status'],
      default: { value: DEFAULT.active, newOnly: true },
    },
  ],
  prepare: (ctx) => loadNamed(ctx.db, 'products'),
  check(r, l) {
    const problems: RowProblem[] = [];
    // A name held by another product (with another code) cannot be taken: names are unique in the catalogue.
    if (r.code && r.name) {
      const byCode = l.byCode.get(String(r.code).toLowerCase());
      const byName = l.byName.get(nameKey(String(r.name))) ?? [];
      if (byName.length && byName.some((id) => id !== byCode) && byCode !== undefined)
        problems.push({ field: 'name', code: 'name-taken', params: { name: r.name } });
    }
    return problems;
  },
  key: (r) => (r.code ? `c:${String(r.code).toLowerCase()}` : `n:${nameKey(String(r.name))}`),
  keyText: (r) => String(r.code ?? r.name),
  commit(records, l, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const get = ctx.db.prepare('SELECT * FROM products WHERE id = ?');
    const defaulted = { listPrice: 0, cost: 0, active: 0 };
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {}, defaulted };
    const at = nowIso();
    // A new product without a price, cost or status gets the fields' defaults (the NOT NULL columns'
    // own), counted so that the answer says how many (pipeline `defaulted`, ../defaults.ts).
    const onInsert = {
      created_at: at,
      list_price: DEFAULT.listPrice,
      cost: DEFAULT.cost,
      active: DEFAULT.active ? 1 : 0,
    };
    records.forEach((r, i) => {
      const found =
        (r.code ? l.byCode.get(String(r.code).toLowerCase()) : undefined) ?? resolveNamed(l, String(r.name));
      const existing =
        typeof found === 'number' ? (get.get(found) as Record<string, unknown> & { id: number }) : undefined;
      const values = {
        code: r.code,
        name: r.name,
        category: r.category,
        positioning: r.positioning,
        list_price: r.listPrice,
        cost: r.cost,
        active: r.active === null || r.active === undefined ? null : r.active ? 1 : 0,
      };
      const { id, action } = up.upsert('products', existing, values, onInsert);
      if (action === 'inserted') {
        addNamed(l, id, String(r.name), (r.code as string | null) ?? null);
        for (const k of ['listPrice', 'cost', 'active'] as const)
          if (r[k] === null || r[k] === undefined) defaulted[k]++;
      }
      result[action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
  exportRecords(db) {
    return (
      db
        .prepare(
          'SELECT code, name, category, positioning, list_price AS listPrice, cost, active FROM products ORDER BY coalesce(code, name)',
        )
        .all() as ImportRecord[]
    ).map((r) => ({ ...r, active: r.active === 1 }));
  },
};
