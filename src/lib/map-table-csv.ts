// The data table's rows as a CSV file: its own module, so that the page loads the CSV writer only when
// a reader downloads the table.
import { metricLabel } from './labels';
import type { TableCell, TableLevel, TableRow } from './map-table';
import type { MapMetricId } from './map/view-state';
import { m } from './paraglide/messages';
import type { Locale } from './paraglide/runtime';
import { spreadsheetCsv } from './spreadsheet-cells';

/** A cell as the CSV writes it: a percentage with two decimals, the index, or why there is none. */
function csvCell(metric: MapMetricId, cell: TableCell, locale: Locale | undefined): string | number {
	if (cell.withheld) return m.map_too_few({}, { locale });
	if (cell.notApplicable) return m.table_not_applicable({}, { locale });
	if (cell.value === null) return '';
	return metric === 'gap' ? cell.value : Math.round(cell.value * 10_000) / 100;
}

/**
 * The rows as a CSV file (UTF-8 with a byte-order mark, spreadsheet-safe cells): code, name, commune
 * for hamlets, then each figure column; rates in percent, the gap in index points. Withheld figures
 * say "ít số liệu", as on the map: the file is as public as the page.
 */
export function tableCsv(
	rows: readonly TableRow[],
	level: TableLevel,
	columns: readonly MapMetricId[],
	locale?: Locale
): string {
	const header = [
		m.table_code({}, { locale }),
		level === 'commune' ? m.table_commune({}, { locale }) : m.table_hamlet({}, { locale }),
		...(level === 'hamlet' ? [m.table_commune({}, { locale })] : []),
		...columns.map((metric) =>
			m.table_csv_column(
				{
					label: metricLabel(metric, 'shortLabel', locale),
					unit: metric === 'gap' ? m.table_unit_points({}, { locale }) : '%'
				},
				{ locale }
			)
		)
	];
	return spreadsheetCsv(
		header,
		rows.map((row) => [
			row.key,
			row.name,
			...(level === 'hamlet' ? [row.communeName] : []),
			...columns.map((metric) => csvCell(metric, row.cells[metric], locale))
		])
	);
}
