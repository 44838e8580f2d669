// The PNG of a small map: the SVG drawn on a canvas with its title above and the legend, the source and
// the date below, so that the picture says what it shows when pasted into a report.

interface MapPngOptions {
	svg: SVGSVGElement;
	title: string;
	legend: { color: string; label: string }[];
	/** "Nguồn: …", and whether the data is demo data, in words. */
	source: string;
	/** The figures' month and the day of the export, in words. */
	date: string;
	/** Pixels per SVG unit (2 = sharp on a high-density screen and in print). */
	scale?: number;
}

const FONT = "'Noto Sans', system-ui, sans-serif";
const MARGIN = 16;
const LINE = 20;

/** Draws the SVG as an image (serialised to a blob: URL, which the page's CSP allows for images). */
async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
	const text = new XMLSerializer().serializeToString(svg);
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		return image;
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** The composed picture as a PNG blob. */
export async function mapPng({ svg, title, legend, source, date, scale = 2 }: MapPngOptions): Promise<Blob> {
	const image = await svgImage(svg);
	const width = svg.viewBox.baseVal.width;
	const height = svg.viewBox.baseVal.height;
	const legendRows = Math.ceil(legend.length / 3);
	const canvasWidth = width + 2 * MARGIN;
	const canvasHeight = MARGIN + 28 + height + 12 + legendRows * LINE + 2 * LINE + MARGIN;
	const canvas = document.createElement('canvas');
	canvas.width = canvasWidth * scale;
	canvas.height = canvasHeight * scale;
	const context = canvas.getContext('2d')!;
	context.scale(scale, scale);
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvasWidth, canvasHeight);
	context.fillStyle = '#1f2328';
	context.textBaseline = 'top';
	context.font = `bold 17px ${FONT}`;
	context.fillText(title, MARGIN, MARGIN, width);
	let y = MARGIN + 28;
	context.drawImage(image, MARGIN, y, width, height);
	y += height + 12;
	context.font = `12px ${FONT}`;
	const columnWidth = width / 3;
	legend.forEach((item, index) => {
		const x = MARGIN + (index % 3) * columnWidth;
		const rowY = y + Math.floor(index / 3) * LINE;
		context.fillStyle = item.color;
		context.fillRect(x, rowY + 1, 12, 12);
		context.strokeStyle = '#888';
		context.strokeRect(x, rowY + 1, 12, 12);
		context.fillStyle = '#1f2328';
		context.fillText(item.label, x + 18, rowY, columnWidth - 22);
	});
	y += legendRows * LINE + 4;
	context.fillStyle = '#4b5563';
	context.fillText(source, MARGIN, y, width);
	context.fillText(date, MARGIN, y + LINE, width);
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))),
			'image/png'
		)
	);
}

/** Offers a blob as a download under `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
