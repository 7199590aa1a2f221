import type { DB } from '../../server/db/index.js';
import { upsertOrgs } from '../../server/services/orgs.js';

/** A small real tree: the city, one department, one county with a township. */
export async function seedSmallOrgTree(db: DB) {
  await upsertOrgs(db, [
    { id: 'pingxiang', parentId: null, name: '萍乡市人民政府', kind: 'city', divisionCode: '360300' },
    { id: 'pingxiang-rsj', parentId: 'pingxiang', name: '萍乡市人力资源和社会保障局', shortName: '市人社局', kind: 'department' },
    { id: 'anyuan', parentId: 'pingxiang', name: '安源区人民政府', kind: 'county', divisionCode: '360302' },
    { id: 'anyuan-bajiaoting', parentId: 'anyuan', name: '八一街道', kind: 'township', divisionCode: '360302001' },
  ]);
}
