// Numbers as Vietnamese readers write them: 1.234 hộ, 82,3%.

const integerFormat = new Intl.NumberFormat('vi-VN');
const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat('vi-VN', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: 'UTC'
});

export function formatCount(value: number): string {
	return integerFormat.format(value);
}

/** A share (0.823) as a percentage ("82,3%"); a dash when there is no value. */
export function formatShare(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : percentFormat.format(value);
}

/** 'YYYY-MM-DD' → '14/03/2026'. */
export function formatDate(isoDate: string): string {
	return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
