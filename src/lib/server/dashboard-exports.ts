// The dashboard's and the commune page's tables as files: CSV (UTF-8 with BOM), XLSX and GeoJSON
// (RFC 7946). One column list per table gives the headers and the cells of every format, so the files
// and the page show the same figures: shares as percentages to one decimal, as formatShare writes them.
import ExcelJS from 'exceljs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CityDashboard, CommuneDashboard, CommuneRow, HamletRow } from '$lib/dashboard';
import { formatMonth, formatNumber } from '$lib/format';
import { kpiLabel, projectionStatusLabel, unitTypeName } from '$lib/labels';
import { DASHBOARD_KPIS } from '$lib/target-progress';
import {
	communeTableRows,
	describeCommuneTableView,
	isFiltered,
	type CommuneTableView
} from '$lib/commune-table';
import { escapeSpreadsheetCell, spreadsheetCsv } from '$lib/spreadsheet-cells';

// The files are for the city's and the communes' offices, whatever the page's language (as the plan CSV).
const FILE_LOCALE = 'vi';

type Cell = string | number | null;

/** A column: its Vietnamese header, and the cell of a row (a percentage, a count or a text). */
interface Column<Row> {
	header: string;
	kind: 'percent' | 'count' | 'decimal' | 'text';
	cell(row: Row): Cell;
}

/** A share as the page shows it, in percent to one decimal (0.8595 → 86, 0.8549 → 85.5); null stays null. */
function percentCell(value: number | null): number | null {
	return value === null ? null : Math.round(value * 1000) / 10;
}

const percent = (header: string, value: (row: CommuneRow) => number | null): Column<CommuneRow> => ({
	header: `${header} (%)`,
	kind: 'percent',
	cell: (row) => percentCell(value(row))
});

const yesNo = (value: boolean) => (value ? 'Có' : 'Không');

/** The communes' table: the same columns as the page's table, and the detail the page puts in tooltips. */
const COMMUNE_COLUMNS: Column<CommuneRow>[] = [
	{ header: 'Mã xã/phường', kind: 'text', cell: (row) => row.code },
	{ header: 'Tên', kind: 'text', cell: (row) => row.fullName },
	{ header: 'Loại', kind: 'text', cell: (row) => unitTypeName(row.unitType, FILE_LOCALE) },
	{ header: 'Vùng đồng bào dân tộc thiểu số', kind: 'text', cell: (row) => yesNo(row.minorityArea) },
	...DASHBOARD_KPIS.flatMap((kpi): Column<CommuneRow>[] => [
		percent(kpiLabel(kpi, 'short', FILE_LOCALE), (row) => row.kpis[kpi].value),
		{
			header: `${kpiLabel(kpi, 'short', FILE_LOCALE)}: tiến độ`,
			kind: 'text',
			cell: (row) => (row.kpis[kpi].status ? projectionStatusLabel(row.kpis[kpi].status, FILE_LOCALE) : null)
		},
		{
			header: `${kpiLabel(kpi, 'short', FILE_LOCALE)}: còn thiếu (người)`,
			kind: 'count',
			cell: (row) => row.kpis[kpi].gap
		}
	]),
	percent('Hộ được tiếp cận', (row) => row.coverage),
	{ header: 'Chỉ số khoảng cách số (0–100)', kind: 'decimal', cell: (row) => row.gapIndex },
	{ header: 'Thôn, tổ dân phố trong điểm nóng', kind: 'count', cell: (row) => row.hotSpotHamlets },
	{ header: 'Người 60+ được hướng dẫn (lượt, từ tháng 1)', kind: 'count', cell: (row) => row.elderlyReached },
	{
		header: 'Hoạt động chưa ghi số người 60+',
		kind: 'count',
		cell: (row) => row.elderlyUnrecorded
	},
	{
		header: 'Người dân tộc thiểu số được hướng dẫn (lượt, từ tháng 1)',
		kind: 'count',
		cell: (row) => row.minorityPeopleReached
	},
	{
		header: 'Hoạt động chưa ghi số người dân tộc thiểu số',
		kind: 'count',
		cell: (row) => row.minorityPeopleUnrecorded
	},
	percent('Hộ được tiếp cận ở vùng đồng bào dân tộc thiểu số', (row) => row.minorityCoverage)
];

const hamletPercent = (header: string, value: (row: HamletRow) => number | null): Column<HamletRow> => ({
	header: `${header} (%)`,
	kind: 'percent',
	cell: (row) => percentCell(value(row))
});

/** A commune's hamlets. */
const HAMLET_COLUMNS: Column<HamletRow>[] = [
	{ header: 'Mã thôn, tổ dân phố', kind: 'count', cell: (row) => row.id },
	{ header: 'Tên', kind: 'text', cell: (row) => row.name },
	{ header: 'Loại', kind: 'text', cell: (row) => row.kind },
	{ header: 'Số hộ', kind: 'count', cell: (row) => row.households },
	{ header: 'Người trưởng thành', kind: 'count', cell: (row) => row.adults },
	{ header: 'Người cao tuổi', kind: 'count', cell: (row) => row.elderly },
	{ header: 'Vùng đồng bào dân tộc thiểu số', kind: 'text', cell: (row) => yesNo(row.minorityArea) },
	hamletPercent('Hộ được tiếp cận', (row) => row.values.coverage),
	hamletPercent(kpiLabel('skills', 'short', FILE_LOCALE), (row) => row.values.skills),
	hamletPercent(kpiLabel('smartphone', 'short', FILE_LOCALE), (row) => row.values.smartphone),
	hamletPercent(kpiLabel('epayment', 'short', FILE_LOCALE), (row) => row.values.epayment),
	hamletPercent(kpiLabel('vneid', 'short', FILE_LOCALE), (row) => row.values.vneid),
	{ header: 'Chỉ số khoảng cách số (0–100)', kind: 'decimal', cell: (row) => row.gapIndex },
	{ header: 'Điểm nóng', kind: 'text', cell: (row) => yesNo(row.hotSpot) },
	{
		header: 'Ranh giới',
		kind: 'text',
		cell: (row) => (row.approximate ? 'Ranh giới ước tính' : 'Chính thức')
	}
];

/** A table as cells: headers and rows. */
export interface ExportTable<Row> {
	columns: Column<Row>[];
	rows: Row[];
	/** The sheet's name and the files' stem, e.g. "xa-phuong-2026-11". */
	title: string;
	fileStem: string;
	/** The filter and sort the rows went through, in words (the communes' table). */
	view?: string;
}

function csvCell(value: Cell, kind: Column<unknown>['kind']): Cell {
	if (typeof value !== 'number' || kind === 'text' || kind === 'count') return value;
	// Decimal commas, no grouping, as the plan CSV: what Excel in a Vietnamese locale reads as a number.
	return formatNumber(value, { maximumFractionDigits: 1, useGrouping: false }, FILE_LOCALE);
}

/** The table as CSV: UTF-8 with BOM, Vietnamese headers, every cell escaped. */
export function tableCsv<Row>(table: ExportTable<Row>): string {
	return spreadsheetCsv(
		table.columns.map((column) => column.header),
		table.rows.map((row) => table.columns.map((column) => csvCell(column.cell(row), column.kind)))
	);
}

/** The table as an XLSX workbook of one sheet; numbers stay numbers, texts are escaped. */
export async function tableXlsx<Row>(table: ExportTable<Row>, note: string): Promise<Blob> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Gõ Từng Nhà';
	const sheet = workbook.addWorksheet(table.title.slice(0, 31));
	sheet.addRow(table.columns.map((column) => escapeSpreadsheetCell(column.header)));
	sheet.getRow(1).font = { bold: true };
	for (const row of table.rows) {
		sheet.addRow(table.columns.map((column) => escapeSpreadsheetCell(column.cell(row))));
	}
	table.columns.forEach((column, index) => {
		sheet.getColumn(index + 1).width = Math.min(40, Math.max(10, column.header.length + 2));
		if (column.kind === 'percent' || column.kind === 'decimal') sheet.getColumn(index + 1).numFmt = '0.0';
	});
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	sheet.addRow([]);
	if (table.view) sheet.addRow([escapeSpreadsheetCell(table.view)]);
	sheet.addRow([escapeSpreadsheetCell(note)]);
	return new Blob([await workbook.xlsx.writeBuffer()], { type: XLSX_TYPE });
}

/** The communes' table of a month, as the page's view filters and sorts it. */
export function communeTable(dashboard: CityDashboard, view: CommuneTableView): ExportTable<CommuneRow> {
	const month = dashboard.month.slice(0, 7);
	return {
		columns: COMMUNE_COLUMNS,
		rows: communeTableRows(dashboard.communes, view),
		title: `Xã, phường ${month}`,
		// A filtered table says so in its name too, so two downloads are not mistaken for one another.
		fileStem: `xa-phuong-${month}${isFiltered(view) ? '-da-loc' : ''}`,
		view: describeCommuneTableView(view, FILE_LOCALE)
	};
}

/** A commune's hamlets of a month. */
export function hamletTable(dashboard: CommuneDashboard): ExportTable<HamletRow> {
	const month = dashboard.month.slice(0, 7);
	return {
		columns: HAMLET_COLUMNS,
		rows: dashboard.hamlets,
		title: `Thôn ${dashboard.commune.code} ${month}`,
		fileStem: `thon-to-dan-pho-${dashboard.commune.code}-${month}`
	};
}

/** The note under a sheet: the month, the data and the sources. */
export function exportNote(month: string, demo: boolean): string {
	return (
		`Số liệu đến hết ${formatMonth(month, FILE_LOCALE)}. Nguồn: Gõ Từng Nhà (khảo sát hằng tháng, hoạt động của các Tổ CĐS cộng đồng).` +
		(demo ? ' Dữ liệu minh họa, không phải số liệu thật. Ranh giới thôn là ranh giới ước tính.' : '')
	);
}

/**
 * The table's rows as GeoJSON features (RFC 7946: WGS 84 longitude/latitude, no `crs` member), each with
 * the same properties as the CSV's columns under their Vietnamese headers.
 */
export function tableGeoJson<Row>(
	table: ExportTable<Row>,
	geometryOf: (row: Row) => Polygon | MultiPolygon | undefined,
	idOf: (row: Row) => string | number
): FeatureCollection<Polygon | MultiPolygon> & { filter?: string } {
	const features: Feature<Polygon | MultiPolygon>[] = [];
	for (const row of table.rows) {
		const geometry = geometryOf(row);
		if (!geometry) continue;
		const properties = Object.fromEntries(table.columns.map((column) => [column.header, column.cell(row)]));
		features.push({ type: 'Feature', id: idOf(row), geometry, properties });
	}
	// A foreign member (RFC 7946 §6.1): readers that do not know it, QGIS and ogrinfo among them, skip it.
	return { type: 'FeatureCollection', ...(table.view ? { filter: table.view } : {}), features };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const GEOJSON_TYPE = 'application/geo+json';

/** A download's headers: its type, and a file name that survives clients ignoring `filename*`. */
export function downloadHeaders(contentType: string, fileName: string): HeadersInit {
	return {
		'content-type': contentType,
		'content-disposition': `attachment; filename="${fileName}"`,
		'cache-control': 'private, no-store'
	};
}
