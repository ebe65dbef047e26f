import { Router } from 'express';
import { callerOf } from '../../common/app.ts';
import { readableKinds, type RecordKind } from '../access.ts';
import { invalid } from '../problem.ts';
import { sokOpplaeringsdataBody } from '../schemas.ts';
import type { FagopplaeringState } from '../state.ts';
import type { PersonOpplaeringsdata } from '../types.ts';

const KIND: Record<'FAG' | 'PRAKSIS' | 'LAEREKONTRAKTER', RecordKind> = { FAG: 'fag', PRAKSIS: 'praksis', LAEREKONTRAKTER: 'laerekontrakter' };

/** POST /personer/opplaeringsdata/sok: records of up to 200 persons in one call. */
export function opplaeringsdataRoutes(state: FagopplaeringState): Router {
  const router = Router();
  router.post('/personer/opplaeringsdata/sok', (req, res) => {
    const body = sokOpplaeringsdataBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const caller = callerOf(res);
    const asked = new Set((body.data.inkluder ?? ['FAG', 'PRAKSIS', 'LAEREKONTRAKTER']).map((k) => KIND[k]));
    const personer: PersonOpplaeringsdata[] = [];
    const ikkeFunnet: string[] = [];
    const ikkeTilgang: string[] = [];
    for (const fnr of body.data.fnr) {
      const allowed = readableKinds(state, caller, fnr);
      const kinds = [...asked].filter((k) => allowed.has(k));
      // Access is decided before existence, so a caller without access cannot learn who has records.
      if (kinds.length === 0) {
        ikkeTilgang.push(fnr);
        continue;
      }
      const records = state.personer.get(fnr);
      if (!records) {
        ikkeFunnet.push(fnr);
        continue;
      }
      personer.push({
        fnr,
        fag: kinds.includes('fag') ? records.fag : [],
        praksis: kinds.includes('praksis') ? records.praksis : [],
        laerekontrakter: kinds.includes('laerekontrakter') ? records.laerekontrakter : [],
      });
    }
    res.json({ personer, ikkeFunnet, ikkeTilgang });
  });
  return router;
}
