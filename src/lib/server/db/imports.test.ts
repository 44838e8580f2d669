import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '$lib/domain';
import type { ImportReport } from '$lib/import-report';
import { InputError } from '$lib/input-error';
import {
	createImportJob,
	importJobContent,
	listImports,
	removeAbandonedImports,
	withdrawImport,
	writeImport
} from './imports';
import { selectRows, type DatabaseHandle } from './index';
import { currentDataRevision } from './revision';
import { databaseSummary } from './summary';
import { loadActivities } from './activities';
import { fixtureActivity, loadFixtureData, TEST_ACTOR, tableFingerprint } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import type { Actor } from './write';
import { commitImport, settledJob, startImport } from '../import/import-jobs';
import { HOSTILE_FILES } from '../import/hostile-files';
import { csvFile, xlsxFile } from '../import/test-files';

/** Every table but the upload jobs (an upload is recorded as a job, refused or not). */
const TABLES = [
	'datasets',
	'communes',
	'hamlets',
	'teams',
	'outreach_activities',
	'skill_surveys',
	'plans',
	'imports',
	'audit_events',
	'data_revision'
];

const BA_DINH: Actor & { kind: 'user' } = {
	kind: 'user',
	id: 'user-ba-dinh',
	username: 'can.bo.ba.dinh',
	role: 'commune',
	communeCodes: ['00004']
};
const BA_VI: Actor & { kind: 'user' } = {
	...BA_DINH,
	id: 'user-ba-vi',
	username: 'can.bo.ba.vi',
	communeCodes: ['09700']
};
const ADMIN: Actor & { kind: 'user' } = {
	...BA_DINH,
	id: 'user-admin',
	username: 'quan.tri',
	role: 'admin',
	communeCodes: []
};

const CONTEXT = { requestId: 'test-import', clientAddress: '127.0.0.1' };

const ACTIVITY_HEADER = [
	'Mã hoạt động',
	'Mã thôn',
	'Tên tổ CĐS',
	'Hình thức',
	'Ngày',
	'Số hộ tiếp cận mới',
	'Nội dung'
];

describe.each(testDrivers())('spreadsheet imports on %s', (driver) => {
	let handle: DatabaseHandle;
	const fingerprint = () => tableFingerprint(handle, TABLES);

	async function upload(
		actor: typeof BA_DINH,
		kind: ImportKind,
		fileName: string,
		bytes: Uint8Array,
		communeCode: string | null = '00004'
	) {
		const id = await startImport(handle, actor, { kind, communeCode, fileName, bytes });
		const job = await settledJob(handle, id);
		return { id, job, report: job.report as ImportReport };
	}

	async function commit(actor: typeof BA_DINH, id: string) {
		await commitImport(handle, actor, id, CONTEXT);
		return settledJob(handle, id);
	}

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('dry-runs activities from .xlsx, commits them as one uploaded dataset with one audit event, and the same file again changes nothing', async () => {
		const file = await xlsxFile(ACTIVITY_HEADER, [
			[
				'HD-1',
				4001,
				'Tổ CĐS số 1',
				'Đến từng hộ',
				new Date(Date.UTC(2026, 2, 14)),
				10,
				'VNeID, An toàn trên không gian mạng'
			],
			['HD-2', 4002, 'to cds so 1', 'lop hoc', '15/03/2026', '1.200', 'payment'],
			['HD-3', 4003, 'Tổ CĐS số 1', 'Sự kiện', 46097, 5, 'Y tế số']
		]);
		const before = await fingerprint();
		const revision = await currentDataRevision(handle.db);
		const { id, job, report } = await upload(BA_DINH, 'activities', 'hoat-dong.xlsx', file);
		expect(job.status).toBe('validated');
		expect(report.errors).toEqual([]);
		expect(report).toMatchObject({ rows: 3, added: 3, updated: 0, unchanged: 0, format: 'xlsx' });
		// 1,200 new households in hamlet 4002 (510 households): coverage over 100% is a warning.
		expect(report.warnings.map((warning) => warning.code)).toContain('coverage-over-100');
		expect(await fingerprint()).toEqual(before);
		expect(await currentDataRevision(handle.db)).toEqual(revision);

		const committed = await commit(BA_DINH, id);
		expect(committed.status).toBe('committed');
		const [dataset] = await selectRows<{ kind: string; source: string; n: number }>(
			handle.db,
			sql`SELECT d.kind, d.source, (SELECT count(*)::int FROM outreach_activities o WHERE o.dataset_id = d.id) AS n
				FROM datasets d WHERE d.id = ${committed.datasetId}`
		);
		expect(dataset).toEqual({ kind: 'uploaded', source: 'hoat-dong.xlsx', n: 3 });
		const events = await selectRows<{ action: string; username: string }>(
			handle.db,
			sql`SELECT action, username FROM audit_events WHERE entity_id = ${committed.datasetId}`
		);
		expect(events).toEqual([{ action: 'dataset.import', username: 'can.bo.ba.dinh' }]);
		const [stored] = await selectRows<{ occurred: string; topics: string[] }>(
			handle.db,
			sql`SELECT to_char(occurred_on, 'YYYY-MM-DD') AS occurred, topics::text[] AS topics FROM outreach_activities WHERE idempotency_key = 'import/00004/HD-3'`
		);
		expect(stored).toEqual({ occurred: '2026-03-16', topics: ['e-health'] });

		const after = await fingerprint();
		const again = await upload(BA_DINH, 'activities', 'hoat-dong.xlsx', file);
		expect(again.report).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
		expect(again.report.alreadyImported?.datasetId).toBe(committed.datasetId);
		await expect(commitImport(handle, BA_DINH, again.id, CONTEXT)).rejects.toThrow(InputError);
		expect(await fingerprint()).toEqual(after);
	});

	it('withdraws an import: its rows removed, the updated ones restored, one audit event', async () => {
		const csv = csvFile(
			[
				'Mã thôn',
				'Tháng',
				'Số người được khảo sát',
				'Có kỹ năng số cơ bản',
				'Có điện thoại thông minh',
				'Có tài khoản thanh toán điện tử',
				'Có VNeID mức 2'
			],
			[
				[4001, '03/2026', 100, 50, 80, 20, 40],
				[4002, '2026-04', '1.000', 500, 800, 200, 400]
			]
		);
		const { id, report } = await upload(BA_DINH, 'surveys', 'khao-sat.csv', csv);
		expect(report).toMatchObject({ added: 2, errors: [] });
		const committed = await commit(BA_DINH, id);
		const fix = csvFile(
			[
				'Mã thôn',
				'Tháng',
				'Số người được khảo sát',
				'Có kỹ năng số cơ bản',
				'Có điện thoại thông minh',
				'Có tài khoản thanh toán điện tử',
				'Có VNeID mức 2'
			],
			[[4001, '03/2026', 100, 60, 80, 20, 40]]
		);
		const second = await upload(BA_DINH, 'surveys', 'khao-sat-sua.csv', fix);
		expect(second.report).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
		const fixed = await commit(BA_DINH, second.id);
		// Withdrawing the correction puts the first import's figure back.
		await withdrawImport(handle.db, BA_DINH, fixed.datasetId!, ['00004'], CONTEXT);
		const skills = () =>
			selectRows<{ skilled: number }>(
				handle.db,
				sql`SELECT with_basic_skills AS skilled FROM skill_surveys WHERE hamlet_id = 4001 AND month = '2026-03-01'`
			);
		expect(await skills()).toEqual([{ skilled: 50 }]);
		await withdrawImport(handle.db, BA_DINH, committed.datasetId!, ['00004'], CONTEXT);
		expect(await skills()).toEqual([]);
		const history = await listImports(handle.db, ['00004']);
		expect(history.find((row) => row.datasetId === committed.datasetId)?.withdrawnBy).toBe('can.bo.ba.dinh');
		// Another commune's officer sees none of it and cannot withdraw it.
		expect(await listImports(handle.db, ['09700'])).toEqual([]);
		const before = await fingerprint();
		await expect(withdrawImport(handle.db, BA_VI, committed.datasetId!, ['09700'], CONTEXT)).rejects.toThrow(
			/Không có lần nhập/
		);
		await expect(
			withdrawImport(handle.db, BA_DINH, committed.datasetId!, ['00004'], CONTEXT)
		).rejects.toThrow(/đã được rút/);
		expect(await fingerprint()).toEqual(before);
	});

	it('updates the hamlet register (the denominators) by hamlet name, and a withdrawal restores it', async () => {
		const file = await xlsxFile(
			['Mã xã/phường', 'Tên thôn', 'Số hộ', 'Số người trưởng thành', 'Tỷ lệ người DTTS (%)', 'Khu vực'],
			[['00004', 'to dan pho 3', 600, 1500, '2,5', 'thành thị']]
		);
		const { id, report } = await upload(BA_DINH, 'register', 'so-thon.xlsx', file);
		expect(report).toMatchObject({ errors: [], updated: 1 });
		const committed = await commit(BA_DINH, id);
		const figures = () =>
			selectRows(
				handle.db,
				sql`SELECT households, adults, minority_share AS share FROM hamlets WHERE id = 4003`
			);
		expect(await figures()).toEqual([{ households: 600, adults: 1500, share: 0.025 }]);
		await withdrawImport(handle.db, ADMIN, committed.datasetId!, 'all', CONTEXT);
		expect(await figures()).toEqual([{ households: 520, adults: 1440, share: 0.025 }]);
	});

	it('adds and updates teams; a withdrawal is refused while activities use a team it added', async () => {
		const file = csvFile(
			['Mã tổ CĐS', 'Tên tổ CĐS', 'Số thành viên', 'Số thành viên đã tập huấn'],
			[
				[1, 'Tổ CĐS số 1', 12, 12],
				[null, 'Tổ CĐS số 2', 6, 2]
			],
			{ delimiter: ',' }
		);
		const { id, report } = await upload(BA_DINH, 'teams', 'to-cds.csv', file);
		expect(report).toMatchObject({ errors: [], added: 1, updated: 1 });
		const committed = await commit(BA_DINH, id);
		const activity = await xlsxFile(ACTIVITY_HEADER, [
			['T2-1', 4004, 'Tổ CĐS số 2', 'Trực tuyến', '01/04/2026', 3, 'ai']
		]);
		const activityJob = await upload(BA_DINH, 'activities', 'to-2.xlsx', activity);
		expect(activityJob.report.errors).toEqual([]);
		const activityImport = await commit(BA_DINH, activityJob.id);
		const before = await fingerprint();
		await expect(
			withdrawImport(handle.db, BA_DINH, committed.datasetId!, ['00004'], CONTEXT)
		).rejects.toThrow(/1 hoạt động/);
		expect(await fingerprint()).toEqual(before);
		await withdrawImport(handle.db, BA_DINH, activityImport.datasetId!, ['00004'], CONTEXT);
		await withdrawImport(handle.db, BA_DINH, committed.datasetId!, ['00004'], CONTEXT);
		const teams = await selectRows(
			handle.db,
			sql`SELECT id, members FROM teams WHERE commune_code = '00004' ORDER BY id`
		);
		expect(teams).toEqual([{ id: 1, members: 10 }]);
	});

	it('reads a TCVN3 CSV as Vietnamese, and stores a formula as text, never run', async () => {
		const text =
			'Tên tổ CĐS;Số thành viên;Số thành viên đã tập huấn\r\nTổ Ngọc Hà;9;4\r\n"=cmd|\' /C calc\'!A0";3;1\r\n';
		const { id, report } = await upload(BA_DINH, 'teams', 'to-tcvn3.csv', iconv.encode(text, 'tcvn'));
		expect(report).toMatchObject({ encoding: 'tcvn3', errors: [], added: 2 });
		const committed = await commit(BA_DINH, id);
		const names = await selectRows<{ name: string }>(
			handle.db,
			sql`SELECT name FROM teams WHERE dataset_id = ${committed.datasetId} ORDER BY name`
		);
		expect(names.map((row) => row.name)).toEqual(["=cmd|' /C calc'!A0", 'Tổ Ngọc Hà']);
		await withdrawImport(handle.db, BA_DINH, committed.datasetId!, ['00004'], CONTEXT);
	});

	it('refuses, before storing anything, an upload over 25 MB and one for another commune', async () => {
		await expect(
			startImport(handle, BA_DINH, {
				kind: 'teams',
				communeCode: '00004',
				fileName: 'lon.csv',
				bytes: new Uint8Array(25 * 1024 * 1024 + 1)
			})
		).rejects.toThrow(/25 MB/);
		await expect(
			startImport(handle, BA_DINH, {
				kind: 'teams',
				communeCode: '09700',
				fileName: 'a.csv',
				bytes: new Uint8Array(10)
			})
		).rejects.toThrow(/09700/);
		await expect(
			startImport(handle, BA_DINH, {
				kind: 'teams',
				communeCode: null,
				fileName: 'a.csv',
				bytes: new Uint8Array(10)
			})
		).rejects.toThrow(InputError);
	});

	it('writes activities invisibly in short transactions, then publishes them at once; a failure, a dry run or a crash leaves nothing', async () => {
		const rows = (count: number, hamletId = 4001) =>
			Array.from({ length: count }, (_, index) => ({
				...fixtureActivity((hamletId % 1000) * 100_000 + index),
				idempotencyKey: `pending-${hamletId}-${index}`,
				hamletId,
				peopleAged60Plus: 0,
				peopleFromMinorities: 0,
				note: '',
				row: index + 2,
				communeCode: '00004'
			}));
		const commitOf = (records: ReturnType<typeof rows>) => ({
			records: { kind: 'activities' as const, rows: records },
			fileName: 'pending.csv',
			sha256: 'c'.repeat(64),
			title: 'pending',
			communeCode: '00004'
		});
		const visible = async () => (await databaseSummary(handle.db)).activities;
		const stored = async () => {
			const [row] = await selectRows<{ n: number }>(
				handle.db,
				sql`SELECT count(*)::int AS n FROM outreach_activities`
			);
			return row!.n;
		};
		const visibleBefore = await visible();
		const storedBefore = await stored();
		const revisionBefore = await currentDataRevision(handle.db);
		// A query sent when the first batch of 5,000 is written answers before the import ends, and sees
		// neither those rows nor a new data revision.
		const order: string[] = [];
		let probe: Promise<unknown> | undefined;
		let during: { visible: number; stored: number; revision: number } | undefined;
		const outcome = await writeImport(handle.db, BA_DINH, commitOf(rows(12_000)), {
			context: CONTEXT,
			onWritten: (written) => {
				if (probe === undefined && written >= 5_000) {
					probe = (async () => {
						// Rows stored first, then what readers see: later batches may have come in between.
						const storedNow = await stored();
						during = {
							stored: storedNow,
							visible: await visible(),
							revision: (await currentDataRevision(handle.db)).revision
						};
						order.push('query');
					})();
				}
			}
		}).then((result) => {
			order.push('import');
			return result;
		});
		await probe;
		expect(order).toEqual(['query', 'import']);
		expect(during!.stored).toBeGreaterThanOrEqual(storedBefore + 5_000);
		expect(during).toEqual({
			stored: during!.stored,
			visible: visibleBefore,
			revision: revisionBefore.revision
		});
		expect(outcome).toMatchObject({ added: 12_000, updated: 0, unchanged: 0 });
		expect(await visible()).toBe(visibleBefore + 12_000);
		// Published once: the dataset's update; its rows' batches did not move the revision.
		expect((await currentDataRevision(handle.db)).revision).toBe(revisionBefore.revision + 1);

		// A row that fails in the second batch (a hamlet gone since the check): the first batch's rows
		// and the dataset are deleted again, every table as it was.
		const before = await fingerprint();
		await expect(
			writeImport(handle.db, BA_DINH, commitOf([...rows(6_000, 4002), ...rows(1, 999_999)]), {
				context: CONTEXT
			})
		).rejects.toThrow();
		expect(await fingerprint()).toEqual(before);
		// The same rows again are unchanged, and one changed row is an update; a dry run keeps nothing.
		const changed = rows(12_000).map((row, index) => (index === 7 ? { ...row, householdsNew: 99 } : row));
		const extra = rows(3, 4003);
		expect(
			await writeImport(handle.db, BA_DINH, commitOf([...changed, ...extra]), { dryRun: true })
		).toMatchObject({ added: 3, updated: 1, unchanged: 11_999 });
		expect(await fingerprint()).toEqual(before);
		// Committed: the update and the additions published together; the withdrawal restores the row.
		const second = await writeImport(handle.db, BA_DINH, commitOf([...changed, ...extra]), {
			context: CONTEXT
		});
		expect(second).toMatchObject({ added: 3, updated: 1, unchanged: 11_999 });
		expect(await writeImport(handle.db, BA_DINH, commitOf([...changed, ...extra]))).toMatchObject({
			added: 0,
			updated: 0,
			unchanged: 12_003,
			datasetId: null
		});
		await withdrawImport(handle.db, BA_DINH, second.datasetId!, 'all', CONTEXT);
		const [restored] = await selectRows<{ households: number; dataset: string }>(
			handle.db,
			sql`SELECT households_new AS households, dataset_id AS dataset FROM outreach_activities
				WHERE idempotency_key = 'pending-4001-7'`
		);
		expect(restored).toEqual({
			households: fixtureActivity(0).householdsNew,
			dataset: outcome.datasetId
		});
		expect(await visible()).toBe(visibleBefore + 12_000);

		// An import that died mid-way: an unpublished dataset with rows, two hours old. The next
		// activities import removes it (a recent one may still be running: it stays).
		const crashed = await fingerprint();
		for (const [id, age] of [
			['upload-crashed', '2 hours'],
			['upload-running', '5 minutes']
		] as const) {
			await handle.db.execute(sql`
				INSERT INTO datasets (id, kind, title, source, published_at, created_at)
				VALUES (${id}, 'uploaded', 'crashed', 'crashed.csv', NULL, now() - ${age}::interval)`);
			await handle.db.execute(sql`
				INSERT INTO outreach_activities (id, hamlet_id, team_id, kind, occurred_on, location, households_new,
					households_revisited, people_guided, topics, idempotency_key, dataset_id)
				SELECT gen_random_uuid(), 4001, 1, 'class', '2026-03-02', ST_SetSRID(ST_MakePoint(105.833, 21.036), 4326),
					1, 0, 1, '{vneid}', ${id} || '-' || i, ${id} FROM generate_series(1, 7000) AS i`);
		}
		expect(await visible()).toBe(visibleBefore + 12_000);
		expect(await removeAbandonedImports(handle.db)).toEqual(['upload-crashed']);
		const [left] = await selectRows<{ crashed: number; running: number }>(
			handle.db,
			sql`SELECT (SELECT count(*)::int FROM outreach_activities WHERE dataset_id = 'upload-crashed') AS crashed,
				(SELECT count(*)::int FROM outreach_activities WHERE dataset_id = 'upload-running') AS running`
		);
		expect(left).toEqual({ crashed: 0, running: 7_000 });
		await handle.db.execute(
			sql`UPDATE datasets SET created_at = now() - interval '3 hours' WHERE id = 'upload-running'`
		);
		// The next import cleans up first (its own rows change nothing: the same file again).
		await writeImport(handle.db, BA_DINH, commitOf(rows(10)), { context: CONTEXT });
		expect(await fingerprint()).toEqual(crashed);
	}, 300_000);

	it('stores an upload’s file in parts and reads it back whole; an empty file too', async () => {
		const content = new Uint8Array(1_300_000).map((_, index) => (index * 7919) % 256);
		for (const bytes of [content, new Uint8Array(0)]) {
			const id = await createImportJob(handle.db, {
				userId: BA_DINH.id,
				kind: 'activities',
				communeCode: '00004',
				fileName: 'parts.csv',
				sha256: 'f'.repeat(64),
				content: bytes
			});
			const [parts] = await selectRows<{ n: number }>(
				handle.db,
				sql`SELECT count(*)::int AS n FROM import_job_parts WHERE job_id = ${id}::uuid`
			);
			expect(parts!.n).toBe(Math.ceil(bytes.byteLength / (512 * 1024)));
			expect(await importJobContent(handle.db, id)).toEqual(bytes);
		}
	});

	it('refuses an activities import whose keys another import is still writing, and keeps nothing of it', async () => {
		const rows = (count: number) =>
			Array.from({ length: count }, (_, index) => ({
				...fixtureActivity(70_000_000 + index),
				idempotencyKey: `concurrent-${index}`,
				hamletId: 4003,
				peopleAged60Plus: null,
				peopleFromMinorities: null,
				note: '',
				row: index + 2,
				communeCode: '00004'
			}));
		const commitOf = (count: number, sha: string) => ({
			records: { kind: 'activities' as const, rows: rows(count) },
			fileName: `concurrent-${count}.csv`,
			sha256: sha.repeat(64),
			title: 'concurrent',
			communeCode: '00004'
		});
		const counts = async () => {
			const [row] = await selectRows<{ stored: number; datasets: number }>(
				handle.db,
				sql`SELECT (SELECT count(*)::int FROM outreach_activities) AS stored,
					(SELECT count(*)::int FROM datasets) AS datasets`
			);
			return { ...row!, visible: (await databaseSummary(handle.db)).activities };
		};
		const before = await counts();
		// Another import caught mid-way: its first rows written, its dataset not yet published.
		const stillWriting = {
			id: 'upload-still-writing',
			kind: 'uploaded' as const,
			title: 'x',
			source: 'x.csv'
		};
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			Array.from({ length: 1_000 }, (_, index) => ({
				...fixtureActivity(70_000_000 + index),
				idempotencyKey: `concurrent-${index}`,
				hamletId: 4003
			})),
			stillWriting
		);
		await handle.db.execute(sql`UPDATE datasets SET published_at = NULL WHERE id = ${stillWriting.id}`);
		const whileWriting = await counts();
		expect(whileWriting.visible).toBe(before.visible);
		const refusal = await writeImport(handle.db, BA_DINH, commitOf(2_500, 'e'), { context: CONTEXT }).then(
			() => null,
			(error: unknown) => error
		);
		expect(refusal).toBeInstanceOf(InputError);
		expect((refusal as InputError).code).toBe('import-in-progress');
		// Nothing of the refused import is kept; the other one's rows wait for their own publish.
		expect(await counts()).toEqual(whileWriting);
		await handle.db.execute(sql`DELETE FROM outreach_activities WHERE dataset_id = ${stillWriting.id}`);
		await handle.db.execute(sql`DELETE FROM datasets WHERE id = ${stillWriting.id}`);

		// Two imports of the same keys started at once: which one meets the other's rows unpublished depends on
		// timing (run one after the other on PGlite one wins; truly at once on PostgreSQL each may take some
		// keys first, and both go; or one publishes before the other looks). Whatever happens, a refusal is
		// "import in progress", and what is kept is whole.
		const results = await Promise.allSettled([
			writeImport(handle.db, BA_DINH, commitOf(4_000, 'd'), { context: CONTEXT }),
			writeImport(handle.db, BA_DINH, commitOf(2_500, 'f'), { context: CONTEXT })
		]);
		const kept = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
		const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
		expect(refused.map((error: InputError) => error.code)).toEqual(refused.map(() => 'import-in-progress'));
		const added = kept.reduce((sum, outcome) => sum + outcome.added, 0);
		expect(await counts()).toEqual({
			stored: before.stored + added,
			visible: before.visible + added,
			datasets: before.datasets + kept.filter((outcome) => outcome.datasetId !== null).length
		});
		for (const outcome of kept) {
			if (outcome.datasetId !== null)
				await withdrawImport(handle.db, BA_DINH, outcome.datasetId, 'all', CONTEXT);
		}
	}, 300_000);

	describe('hostile and malformed files: a clear error, every table as it was', () => {
		it.each(HOSTILE_FILES.map((file) => [file.name, file] as const))('%s', async (_name, hostile) => {
			const bytes = await hostile.bytes();
			const before = await fingerprint();
			const revision = await currentDataRevision(handle.db);
			const actor = hostile.actor === 'ba-vi' ? BA_VI : BA_DINH;
			const { job, report } = await upload(
				actor,
				hostile.kind,
				hostile.fileName,
				bytes,
				hostile.communeCode ?? '00004'
			);
			expect(['refused', 'validated']).toContain(job.status);
			const codes = report.errors.map((error) => error.code);
			expect(codes, JSON.stringify(report.errors.slice(0, 3))).toContain(hostile.code);
			const error = report.errors.find((found) => found.code === hostile.code)!;
			expect(error.vi.length).toBeGreaterThan(10);
			expect(error.en.length).toBeGreaterThan(10);
			if (hostile.row !== undefined) expect(error.row).toBe(hostile.row);
			if (hostile.column !== undefined) expect(error.column).toBe(hostile.column);
			await expect(commitImport(handle, actor, job.id, CONTEXT)).rejects.toThrow(InputError);
			expect(await fingerprint()).toEqual(before);
			expect(await currentDataRevision(handle.db)).toEqual(revision);
		});
	});
});
