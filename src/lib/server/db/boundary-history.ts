// The boundaries page's history: a commune's committed boundary uploads, the undo of the latest one (each
// hamlet's former geometry and source back, its retired hamlets current again, the hamlets it created
// gone), and the return of one retired hamlet. Each is one audited write; the hamlets' triggers move the
// data and geometry revisions, so tiles and caches refresh.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { InputError } from '../../input-error';
import { assertNoOverlappingHamlets } from './hamlets';
import { selectRows, type Database } from './index';
import { boundaryUploads, hamlets } from './schema';
import { withWrite, type Actor, type WriteOptions } from './write';

/** One committed upload as the history lists it. */
export interface BoundaryUploadRow {
	id: number;
	fileName: string;
	username: string | null;
	createdAt: string;
	replaced: number;
	created: number;
	retired: number;
	undoneAt: string | null;
	undoneBy: string | null;
	/** The commune's latest upload not undone yet: the one the page offers to undo. */
	undoable: boolean;
}

/** A commune's boundary uploads, newest first. */
export async function boundaryUploadHistory(db: Database, communeCode: string): Promise<BoundaryUploadRow[]> {
	const rows = await db
		.select({
			id: boundaryUploads.id,
			fileName: boundaryUploads.fileName,
			username: boundaryUploads.username,
			createdAt: boundaryUploads.createdAt,
			replaced: sql<number>`jsonb_array_length(${boundaryUploads.previous})::int`,
			created: sql<number>`cardinality(${boundaryUploads.created})::int`,
			retired: sql<number>`cardinality(${boundaryUploads.retired})::int`,
			undoneAt: boundaryUploads.undoneAt,
			undoneBy: boundaryUploads.undoneBy
		})
		.from(boundaryUploads)
		.where(eq(boundaryUploads.communeCode, communeCode))
		.orderBy(desc(boundaryUploads.createdAt), desc(boundaryUploads.id));
	const latest = rows.find((row) => row.undoneAt === null)?.id;
	return rows.map((row) => ({
		...row,
		createdAt: row.createdAt.toISOString(),
		undoneAt: row.undoneAt?.toISOString() ?? null,
		undoable: row.id === latest
	}));
}

/** A hamlet a boundary upload retired: the page offers to bring it back. */
export interface RetiredHamlet {
	id: number;
	name: string;
	retiredAt: string;
}

/** The commune's retired hamlets, by name. */
export async function retiredHamlets(db: Database, communeCode: string): Promise<RetiredHamlet[]> {
	const rows = await selectRows<{ id: number; name: string; retiredAt: Date | string }>(
		db,
		sql`SELECT id, name, retired_at AS "retiredAt" FROM ${hamlets}
			WHERE commune_code = ${communeCode} AND retired_at IS NOT NULL ORDER BY name, id`
	);
	return rows.map((row) => ({ ...row, retiredAt: new Date(row.retiredAt).toISOString() }));
}

export interface BoundaryUndoResult {
	uploadId: number;
	restored: number[];
	unretired: number[];
	/** Hamlets the upload created: deleted, or retired when activities, surveys or plans name them. */
	removed: number[];
	retiredCreated: number[];
}

const who = (actor: Actor) => (actor.kind === 'user' ? actor.username : `system: ${actor.reason}`);

/**
 * Undoes the commune's latest boundary upload not undone yet, all or nothing: every replaced hamlet gets
 * its former geometry and boundary source, the hamlets it retired are current again, and the hamlets it
 * created are deleted (retired instead when activities, surveys or plans name them, so their history
 * stays). Refuses an unknown upload, one undone already, and one a later upload followed (undo that first).
 */
export async function undoBoundaryUpload(
	db: Database,
	actor: Actor,
	communeCode: string,
	uploadId: number,
	options: WriteOptions = {}
): Promise<BoundaryUndoResult> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const [upload] = await tx
				.select()
				.from(boundaryUploads)
				.where(and(eq(boundaryUploads.id, uploadId), eq(boundaryUploads.communeCode, communeCode)));
			if (!upload) {
				throw InputError.notFound('unknown-boundary-upload', {
					vi: `Xã/phường này không có lần tải ranh giới số ${uploadId}`,
					en: `This commune has no boundary upload ${uploadId}`
				});
			}
			if (upload.undoneAt) {
				throw InputError.invalid('already-undone', {
					vi: `Lần tải ranh giới "${upload.fileName}" đã được hoàn tác`,
					en: `The boundary upload "${upload.fileName}" was undone already`
				});
			}
			const [later] = await tx
				.select({ fileName: boundaryUploads.fileName })
				.from(boundaryUploads)
				.where(
					and(
						eq(boundaryUploads.communeCode, communeCode),
						isNull(boundaryUploads.undoneAt),
						gt(boundaryUploads.id, uploadId)
					)
				)
				.limit(1);
			if (later) {
				throw InputError.invalid('not-latest-upload', {
					vi: `Lần tải sau ("${later.fileName}") đã thay ranh giới: hoàn tác lần đó trước`,
					en: `A later upload ("${later.fileName}") changed the boundaries since: undo it first`
				});
			}
			const previous = upload.previous as { id: number; boundarySource: string; ewkb: string }[];
			if (previous.length > 0) {
				await tx.execute(sql`
					UPDATE ${hamlets} h SET geom = ST_GeomFromEWKB(decode(r.ewkb, 'hex')),
						boundary_source = r."boundarySource"::boundary_source
					FROM jsonb_to_recordset(${JSON.stringify(previous)}::jsonb)
						AS r(id integer, "boundarySource" text, ewkb text)
					WHERE h.id = r.id`);
			}
			const idList = (ids: readonly number[]) =>
				sql`(SELECT value::int FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
			if (upload.retired.length > 0) {
				await tx.execute(sql`UPDATE ${hamlets} SET retired_at = NULL WHERE id IN ${idList(upload.retired)}`);
			}
			const named = await selectRows<{ id: number }>(
				tx,
				sql`SELECT h.id FROM ${hamlets} h WHERE h.id IN ${idList(upload.created)} AND (
					EXISTS (SELECT 1 FROM outreach_activities o WHERE o.hamlet_id = h.id)
					OR EXISTS (SELECT 1 FROM skill_surveys s WHERE s.hamlet_id = h.id)
					OR EXISTS (SELECT 1 FROM plan_hamlets p WHERE p.hamlet_id = h.id))`
			);
			const kept = new Set(named.map((row) => row.id));
			const removed = upload.created.filter((id) => !kept.has(id));
			const retiredCreated = upload.created.filter((id) => kept.has(id));
			if (removed.length > 0) await tx.execute(sql`DELETE FROM ${hamlets} WHERE id IN ${idList(removed)}`);
			if (retiredCreated.length > 0) {
				await tx.execute(sql`UPDATE ${hamlets} SET retired_at = now() WHERE id IN ${idList(retiredCreated)}`);
			}
			// A hamlet brought back must not overlap one drawn since (another upload's new hamlet, a loader).
			await assertNoOverlappingHamlets(tx, upload.retired, (index) => `retired[${index}]`);
			await tx
				.update(boundaryUploads)
				.set({ undoneAt: sql`now()`, undoneBy: who(actor) })
				.where(eq(boundaryUploads.id, uploadId));
			const result: BoundaryUndoResult = {
				uploadId,
				restored: previous.map((hamlet) => hamlet.id),
				unretired: upload.retired,
				removed,
				retiredCreated
			};
			return {
				value: result,
				audit: {
					action: 'hamlet-boundaries.undo',
					entityType: 'hamlets',
					entityId: String(uploadId),
					communeCode,
					changes: {
						file: { name: upload.fileName, sha256: upload.sha256 },
						restored: previous.map(({ id, boundarySource }) => ({ id, after: boundarySource })),
						unretired: result.unretired,
						removed,
						retiredCreated
					}
				}
			};
		},
		options
	);
}

/**
 * Brings one retired hamlet of the commune back (retired_at cleared), audited; refused when it is not a
 * retired hamlet of this commune, or when it now overlaps a current hamlet (an upload drew that area since).
 */
export async function restoreRetiredHamlet(
	db: Database,
	actor: Actor,
	communeCode: string,
	hamletId: number,
	options: WriteOptions = {}
): Promise<{ id: number; name: string }> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const [hamlet] = await tx
				.select({ id: hamlets.id, name: hamlets.name, retiredAt: hamlets.retiredAt })
				.from(hamlets)
				.where(and(eq(hamlets.id, hamletId), eq(hamlets.communeCode, communeCode)));
			if (!hamlet?.retiredAt) {
				throw InputError.notFound('unknown-hamlet', {
					vi: `Xã/phường này không có thôn mã ${hamletId} đã thôi`,
					en: `This commune has no retired hamlet ${hamletId}`
				});
			}
			await tx.update(hamlets).set({ retiredAt: null }).where(eq(hamlets.id, hamletId));
			await assertNoOverlappingHamlets(tx, [hamletId], () => 'hamletId');
			return {
				value: { id: hamlet.id, name: hamlet.name },
				audit: {
					action: 'hamlet.restore',
					entityType: 'hamlets',
					entityId: String(hamletId),
					communeCode,
					changes: { name: hamlet.name, retiredAt: hamlet.retiredAt.toISOString() }
				}
			};
		},
		options
	);
}
