// Bench section: 100,000 outreach activities imported from .xlsx and from CSV (read, validated, dry-run,
// committed) on PGlite and on PostGIS (with DATABASE_URL), as ratios against the bare loader
// (loadActivities) writing the same rows in the same run.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { loadActivities } from '../src/lib/server/db/activities';
import { writeImport } from '../src/lib/server/db/imports';
import { activityIdOf } from '../src/lib/server/import/validate-rows';
import type { DatasetRecord } from '../src/lib/server/db/datasets';
import type { Driver } from '../src/lib/server/db/index';
import { openTestDatabase } from '../src/lib/server/db/test-databases';
import { loadFixtureData } from '../src/lib/server/db/test-fixtures';
import type { Actor } from '../src/lib/server/db/write';
import { commitImport, settledJob, startImport } from '../src/lib/server/import/import-jobs';
import { readTable } from '../src/lib/server/import/read-table';
import { currentDataRevision } from '../src/lib/server/db/revision';
import type { DatabaseHandle } from '../src/lib/server/db/index';
import { BENCH_ACTOR, quantileOf, report as record, reportQuantity, timed } from './report';

/** Records a figure and prints it at once: a 100,000-row run is long, and the table comes at the end. */
function report(
	benchmark: string,
	milliseconds: number,
	baselineName: string,
	baselineMilliseconds: number
): void {
	record(benchmark, milliseconds, baselineName, baselineMilliseconds);
	console.log(
		`${benchmark}: ${(milliseconds / 1000).toFixed(2)} s, ${(milliseconds / baselineMilliseconds).toFixed(2)}× ${baselineName} (${(baselineMilliseconds / 1000).toFixed(2)} s)`
	);
}

/**
 * Runs `action` while another request's query (the data revision every request reads) is due every
 * 100 ms, as page views would arrive during the import. Each wait is counted from when the query was due,
 * not from when the busy event loop got round to sending it (PGlite's statements hold the thread), so a
 * long block shows in full. Also the event loop's longest delay (what any request, even a cached page, waits).
 */
async function probed<T>(
	handle: DatabaseHandle,
	action: () => Promise<T>
): Promise<[T, number, { p50: number; max: number; count: number; loopMax: number }]> {
	const samples: number[] = [];
	let running = true;
	const start = performance.now();
	const probe = (async () => {
		for (let slot = 0; running;) {
			const due = start + slot * 100;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			await currentDataRevision(handle.db);
			const done = performance.now();
			samples.push(done - due);
			slot = Math.floor((done - start) / 100) + 1;
		}
	})();
	const loop = monitorEventLoopDelay({ resolution: 10 });
	loop.enable();
	const [result, elapsed] = await timed(action);
	running = false;
	await probe;
	loop.disable();
	return [
		result,
		elapsed,
		{
			p50: quantileOf(samples, 0.5),
			max: Math.max(...samples),
			count: samples.length,
			loopMax: loop.max / 1e6
		}
	];
}

/** The same query with nothing else going on: the probe's baseline. */
async function idleProbe(handle: DatabaseHandle): Promise<number> {
	const samples: number[] = [];
	for (let i = 0; i < 20; i++) samples.push((await timed(() => currentDataRevision(handle.db)))[1]);
	return quantileOf(samples, 0.5);
}

/** 100,000 rows; BENCH_IMPORT_ROWS sets fewer for a quick look. */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const HEADER = [
	'Mã hoạt động',
	'Mã thôn',
	'Tên tổ CĐS',
	'Hình thức',
	'Ngày',
	'Số hộ tiếp cận mới',
	'Số hộ thăm lại',
	'Số người được hướng dẫn',
	'Nội dung'
];
const KINDS = ['Đến từng hộ', 'Lớp học', 'Sự kiện', 'Trực tuyến'];
const CODES = ['door-to-door', 'class', 'event', 'online'] as const;

const OFFICER: Actor & { kind: 'user' } = {
	kind: 'user',
	id: 'bench-officer',
	username: 'bench.officer',
	role: 'commune',
	communeCodes: ['00004']
};

const BARE_DATASET: DatasetRecord = { id: 'bench-bare', kind: 'uploaded', title: 'bench', source: 'bench' };

/** The n-th row's values: the fixture hamlets 4001–4004 of Ba Đình, team 1, a day of January–October 2026. */
function row(index: number) {
	const day = new Date(Date.UTC(2026, 0, 1) + (index % 300) * 86_400_000);
	return {
		hamletId: 4001 + (index % 4),
		kind: index % 4,
		day,
		householdsNew: 1 + (index % 3),
		householdsRevisited: index % 2,
		peopleGuided: 3 + (index % 5)
	};
}

async function xlsxOf(prefix: string): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	const stream = new PassThrough();
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream,
		useSharedStrings: false,
		useStyles: true
	});
	const sheet = workbook.addWorksheet('Dữ liệu');
	sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
	sheet.addRow(HEADER).commit();
	for (let index = 0; index < ROWS; index++) {
		const r = row(index);
		sheet
			.addRow([
				`${prefix}-${index}`,
				r.hamletId,
				'Tổ CĐS số 1',
				KINDS[r.kind],
				r.day,
				r.householdsNew,
				r.householdsRevisited,
				r.peopleGuided,
				'VNeID, An toàn trên không gian mạng'
			])
			.commit();
	}
	sheet.commit();
	await workbook.commit();
	return new Uint8Array(Buffer.concat(chunks));
}

function csvOf(prefix: string): Uint8Array {
	const lines = [HEADER.join(';')];
	for (let index = 0; index < ROWS; index++) {
		const r = row(index);
		const day = r.day.toISOString().slice(0, 10).split('-').reverse().join('/');
		lines.push(
			[
				`${prefix}-${index}`,
				r.hamletId,
				'Tổ CĐS số 1',
				KINDS[r.kind],
				day,
				r.householdsNew,
				r.householdsRevisited,
				r.peopleGuided,
				'VNeID, An toàn trên không gian mạng'
			].join(';')
		);
	}
	return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** The same rows as the bare loader takes them (already typed, ids and keys made). */
function loaderRows(prefix: string) {
	return Array.from({ length: ROWS }, (_, index) => {
		const r = row(index);
		const key = `bench/${prefix}-${index}`;
		return {
			id: activityIdOf(key),
			hamletId: r.hamletId,
			teamId: 1,
			kind: CODES[r.kind]!,
			occurredOn: r.day.toISOString().slice(0, 10),
			location: [105.833, 21.036] as [number, number],
			householdsNew: r.householdsNew,
			householdsRevisited: r.householdsRevisited,
			peopleGuided: r.peopleGuided,
			topics: ['vneid', 'safety'] as ('vneid' | 'safety')[],
			idempotencyKey: key
		};
	});
}

async function benchDriver(driver: Driver, files: { xlsx: Uint8Array; csv: Uint8Array }): Promise<void> {
	const handle = await openTestDatabase(driver);
	try {
		await loadFixtureData(handle.db);
		const rows = loaderRows(driver);
		const [, bare] = await timed(() => loadActivities(handle.db, BENCH_ACTOR, rows, BARE_DATASET));
		const baseline = `${driver}: bare loadActivities, same ${ROWS.toLocaleString('en')} rows`;
		for (const [format, bytes] of Object.entries(files)) {
			const [, parse] = await timed(() => readTable(bytes, `bench.${format}`));
			report(
				`${driver}: read ${ROWS.toLocaleString('en')} rows from ${format} (${(bytes.length / 1e6).toFixed(1)} MB)`,
				parse,
				baseline,
				bare
			);
			const idle = await idleProbe(handle);
			const [id, dryRun, dryRunProbe] = await probed(handle, async () => {
				const jobId = await startImport(handle, OFFICER, {
					kind: 'activities',
					communeCode: '00004',
					fileName: `bench.${format}`,
					bytes
				});
				const job = await settledJob(handle, jobId);
				const report = job.report as { errors: unknown[]; added: number } | null;
				if (job.status !== 'validated' || !report || report.errors.length > 0 || report.added === 0)
					throw new Error(
						`bench import ${format}: ${job.status} ${JSON.stringify(job.report).slice(0, 500)}`
					);
				return jobId;
			});
			report(`${driver}: ${format} upload → report (read, validate, dry run)`, dryRun, baseline, bare);
			const [, commit, commitProbe] = await probed(handle, async () => {
				await commitImport(handle, OFFICER, id, { requestId: 'bench', clientAddress: null });
				const job = await settledJob(handle, id);
				if (job.status !== 'committed')
					throw new Error(
						`bench commit ${format}: ${job.status} ${JSON.stringify(job.report).slice(0, 800)}`
					);
			});
			report(`${driver}: ${format} commit (read, validate, write)`, commit, baseline, bare);
			reportQuantity(
				`${driver}: ${format} commit, rows/s`,
				Math.round(ROWS / (commit / 1000)),
				'rows/s',
				'bare loadActivities, rows/s',
				Math.round(ROWS / (bare / 1000))
			);
			const idleName = `${driver}: the same query, database idle (p50)`;
			for (const [phase, probe] of [
				['dry run', dryRunProbe],
				['commit', commitProbe]
			] as const) {
				report(
					`${driver}: a request's query during the ${format} ${phase}, p50 (${probe.count} sent)`,
					probe.p50,
					idleName,
					idle
				);
				report(
					`${driver}: a request's query during the ${format} ${phase}, worst`,
					probe.max,
					idleName,
					idle
				);
				report(
					`${driver}: the event loop's longest delay during the ${format} ${phase}`,
					probe.loopMax,
					idleName,
					idle
				);
			}
			report(`${driver}: ${format} in all, upload to committed`, dryRun + commit, baseline, bare);
		}
		await benchWriteAlone(handle, driver, baseline, bare);
	} finally {
		await handle.close();
	}
}

/**
 * The commit's write alone (writeImport of rows already read and validated), with the probe: what other
 * requests wait for the database itself, without the JavaScript work of reading a file.
 */
async function benchWriteAlone(
	handle: DatabaseHandle,
	driver: Driver,
	baseline: string,
	bare: number
): Promise<void> {
	const records = loaderRows(`${driver}-W`).map((row, index) => ({
		...row,
		peopleAged60Plus: null,
		peopleFromMinorities: null,
		note: '',
		row: index + 2,
		communeCode: '00004'
	}));
	const idle = await idleProbe(handle);
	const [outcome, write, probe] = await probed(handle, () =>
		writeImport(handle.db, OFFICER, {
			records: { kind: 'activities', rows: records },
			fileName: 'bench-write.csv',
			sha256: '0'.repeat(64),
			title: 'bench',
			communeCode: '00004'
		})
	);
	if (outcome.added !== ROWS) throw new Error(`bench write alone: ${JSON.stringify(outcome)}`);
	const rows = ROWS.toLocaleString('en');
	report(`${driver}: writeImport alone, ${rows} rows (no file to read)`, write, baseline, bare);
	const idleName = `${driver}: the same query, database idle (p50)`;
	report(
		`${driver}: a request's query during writeImport alone, p50 (${probe.count} sent)`,
		probe.p50,
		idleName,
		idle
	);
	report(`${driver}: a request's query during writeImport alone, worst`, probe.max, idleName, idle);
	report(`${driver}: the event loop's longest delay during writeImport alone`, probe.loopMax, idleName, idle);
}

/** Issue 10: imports of 100,000 activities against the bare loader. */
export async function benchImport(): Promise<void> {
	// BENCH_IMPORT_DRIVERS=pg (or pglite) runs one side only: 100,000 rows take long on a shared machine.
	const only = process.env.BENCH_IMPORT_DRIVERS?.split(',');
	const drivers = ((process.env.DATABASE_URL ? ['pglite', 'pg'] : ['pglite']) as Driver[]).filter(
		(driver) => !only || only.includes(driver)
	);
	for (const driver of drivers) {
		// Keys differ per driver and format, so each file adds its rows (the same file again would change nothing).
		const files = { xlsx: await xlsxOf(`${driver}-X`), csv: csvOf(`${driver}-C`) };
		await benchDriver(driver, files);
	}
}
