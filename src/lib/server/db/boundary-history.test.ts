import { sql } from 'drizzle-orm';
import type { MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squarePolygon } from '../../analysis/test-squares';
import { InputError } from '../../input-error';
import {
	boundaryUploadHistory,
	restoreRetiredHamlet,
	retiredHamlets,
	undoBoundaryUpload
} from './boundary-history';
import { commitBoundaries, type BoundaryCommit } from './hamlet-boundaries';
import { selectRows, type DatabaseHandle } from './index';
import { currentGeometryRevision } from './revision';
import { loadFixtureData, tableFingerprint } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import type { Actor } from './write';

const STAFF: Extract<Actor, { kind: 'user' }> = {
	kind: 'user',
	id: 'u-commune',
	username: 'can.bo',
	role: 'commune',
	communeCodes: ['00004']
};

const square = (lng: number, lat: number, size: number): MultiPolygon => ({
	type: 'MultiPolygon',
	coordinates: [squarePolygon(lng, lat, size).coordinates]
});

function upload(overrides: Partial<BoundaryCommit>): BoundaryCommit {
	return {
		communeCode: '00004',
		fileName: 'ranh-gioi.geojson',
		sha256: 'b'.repeat(64),
		crsName: 'WGS 84',
		features: [],
		repair: false,
		retire: [],
		...overrides
	};
}

const refusalCode = (promise: Promise<unknown>) =>
	promise.then(
		() => 'accepted',
		(error: unknown) => (error instanceof InputError ? error.code : String(error))
	);

const TABLES = ['hamlets', 'datasets', 'outreach_activities'];

describe.each(testDrivers())('boundary history on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	}, 240_000);

	afterAll(async () => {
		await handle?.close();
	});

	it('undoes an upload: former geometries and sources back exactly, retired hamlets current, new ones gone', async () => {
		const before = await tableFingerprint(handle, TABLES);
		const committed = await commitBoundaries(
			handle.db,
			STAFF,
			upload({
				features: [
					// Hamlet 4001 gets a smaller official square inside its own.
					{
						index: 0,
						geometry: square(105.8312, 21.0342, 0.003),
						target: { kind: 'hamlet', hamletId: 4001 },
						name: null
					},
					{
						index: 1,
						geometry: square(105.8405, 21.035, 0.002),
						target: { kind: 'new' },
						name: 'Tổ dân phố Mới'
					}
				],
				retire: [4004]
			})
		);
		expect(committed.replaced).toEqual([4001]);
		expect(committed.retired).toEqual([4004]);
		const newId = committed.created[0]!.id;
		expect(await tableFingerprint(handle, TABLES)).not.toEqual(before);
		expect((await retiredHamlets(handle.db, '00004')).map((hamlet) => hamlet.id)).toEqual([4004]);
		const [listed] = await boundaryUploadHistory(handle.db, '00004');
		expect(listed).toMatchObject({
			id: committed.uploadId,
			username: 'can.bo',
			replaced: 1,
			created: 1,
			retired: 1,
			undoneAt: null,
			undoable: true
		});

		const geometryBefore = await currentGeometryRevision(handle.db);
		const undone = await undoBoundaryUpload(handle.db, STAFF, '00004', committed.uploadId);
		expect(undone).toEqual({
			uploadId: committed.uploadId,
			restored: [4001],
			unretired: [4004],
			removed: [newId],
			retiredCreated: []
		});
		// Every hamlet exactly as before the upload (the uploaded dataset stays, as the record of the file).
		const after = await tableFingerprint(handle, TABLES);
		expect(after.hamlets).toEqual(before.hamlets);
		expect(after.outreach_activities).toEqual(before.outreach_activities);
		expect((await currentGeometryRevision(handle.db)).tag).not.toBe(geometryBefore.tag);
		const [event] = await selectRows<{ action: string; entityId: string; username: string }>(
			handle.db,
			sql`SELECT action, entity_id AS "entityId", username FROM audit_events ORDER BY id DESC LIMIT 1`
		);
		expect(event).toEqual({
			action: 'hamlet-boundaries.undo',
			entityId: String(committed.uploadId),
			username: 'can.bo'
		});
		const [history] = await boundaryUploadHistory(handle.db, '00004');
		expect(history).toMatchObject({ undoneBy: 'can.bo', undoable: false });
		expect(history!.undoneAt).not.toBeNull();

		// Twice, or an unknown upload: refused, nothing written.
		const audit = await tableFingerprint(handle, [...TABLES, 'audit_events', 'boundary_uploads']);
		expect(await refusalCode(undoBoundaryUpload(handle.db, STAFF, '00004', committed.uploadId))).toBe(
			'already-undone'
		);
		expect(await refusalCode(undoBoundaryUpload(handle.db, STAFF, '00004', 999_999))).toBe(
			'unknown-boundary-upload'
		);
		expect(await refusalCode(undoBoundaryUpload(handle.db, STAFF, '00008', committed.uploadId))).toBe(
			'unknown-boundary-upload'
		);
		expect(await tableFingerprint(handle, [...TABLES, 'audit_events', 'boundary_uploads'])).toEqual(audit);
	});

	it('undoes only the latest upload; keeps a created hamlet that activities name, retired', async () => {
		const first = await commitBoundaries(
			handle.db,
			STAFF,
			upload({
				fileName: 'lan-1.geojson',
				features: [
					{
						index: 0,
						geometry: square(105.8405, 21.035, 0.002),
						target: { kind: 'new' },
						name: 'Tổ dân phố Mới'
					}
				]
			})
		);
		const newId = first.created[0]!.id;
		const second = await commitBoundaries(
			handle.db,
			STAFF,
			upload({
				fileName: 'lan-2.geojson',
				features: [
					{
						index: 0,
						geometry: square(105.8312, 21.0342, 0.003),
						target: { kind: 'hamlet', hamletId: 4001 },
						name: null
					}
				]
			})
		);
		expect(await refusalCode(undoBoundaryUpload(handle.db, STAFF, '00004', first.uploadId))).toBe(
			'not-latest-upload'
		);
		await handle.db.execute(
			sql`UPDATE outreach_activities SET hamlet_id = ${newId} WHERE idempotency_key = 'fixture-1'`
		);
		await undoBoundaryUpload(handle.db, STAFF, '00004', second.uploadId);
		const undone = await undoBoundaryUpload(handle.db, STAFF, '00004', first.uploadId);
		expect(undone).toMatchObject({ removed: [], retiredCreated: [newId] });
		expect((await retiredHamlets(handle.db, '00004')).map((hamlet) => hamlet.id)).toEqual([newId]);
		await handle.db.execute(
			sql`UPDATE outreach_activities SET hamlet_id = 4001 WHERE idempotency_key = 'fixture-1'`
		);
	});

	it('brings one retired hamlet back, unless a current hamlet now covers its place', async () => {
		const retiring = await commitBoundaries(
			handle.db,
			STAFF,
			upload({
				fileName: 'thay-to-4.geojson',
				// A new hamlet drawn where 4004 was, and 4004 retired.
				features: [
					{
						index: 0,
						geometry: square(105.8345, 21.0375, 0.0035),
						target: { kind: 'new' },
						name: 'Tổ dân phố 4 mới'
					}
				],
				retire: [4004]
			})
		);
		const unchanged = await tableFingerprint(handle, ['hamlets', 'audit_events']);
		expect(await refusalCode(restoreRetiredHamlet(handle.db, STAFF, '00004', 4004))).toBe(
			'overlapping-hamlets'
		);
		expect(await refusalCode(restoreRetiredHamlet(handle.db, STAFF, '00004', 4001))).toBe('unknown-hamlet');
		expect(await refusalCode(restoreRetiredHamlet(handle.db, STAFF, '00008', 4004))).toBe('unknown-hamlet');
		expect(await tableFingerprint(handle, ['hamlets', 'audit_events'])).toEqual(unchanged);

		// With the new hamlet retired in its turn, 4004 comes back.
		await handle.db.execute(sql`UPDATE hamlets SET retired_at = now() WHERE id = ${retiring.created[0]!.id}`);
		expect(await restoreRetiredHamlet(handle.db, STAFF, '00004', 4004)).toEqual({
			id: 4004,
			name: 'Tổ dân phố 4'
		});
		const [event] = await selectRows<{ action: string; entityId: string }>(
			handle.db,
			sql`SELECT action, entity_id AS "entityId" FROM audit_events ORDER BY id DESC LIMIT 1`
		);
		expect(event).toEqual({ action: 'hamlet.restore', entityId: '4004' });
		expect((await retiredHamlets(handle.db, '00004')).map((hamlet) => hamlet.id)).not.toContain(4004);
	});
});
