import type { Locale } from '$lib/i18n';

/**
 * Vietnamese titles for MapLibre's own controls (its `locale` option), so that screen readers and tooltips
 * match the page. Keys are MapLibre's; those left out keep MapLibre's English default.
 */
const VIETNAMESE_MAP_LOCALE: Record<string, string> = {
	'AttributionControl.ToggleAttribution': 'Hiện/ẩn nguồn dữ liệu',
	'FullscreenControl.Enter': 'Toàn màn hình',
	'FullscreenControl.Exit': 'Thoát toàn màn hình',
	'GeolocateControl.FindMyLocation': 'Tìm vị trí của tôi',
	'GeolocateControl.LocationNotAvailable': 'Không xác định được vị trí',
	'Map.Title': 'Bản đồ',
	'NavigationControl.ResetBearing': 'Kéo để xoay bản đồ, bấm để quay về hướng bắc',
	'NavigationControl.ZoomIn': 'Phóng to',
	'NavigationControl.ZoomOut': 'Thu nhỏ',
	'Popup.Close': 'Đóng',
	'CooperativeGesturesHandler.WindowsHelpText': 'Giữ Ctrl và cuộn để phóng to, thu nhỏ bản đồ',
	'CooperativeGesturesHandler.MacHelpText': 'Giữ ⌘ và cuộn để phóng to, thu nhỏ bản đồ',
	'CooperativeGesturesHandler.MobileHelpText': 'Dùng hai ngón tay để di chuyển bản đồ'
};

/** MapLibre's `locale` option for the page's language: its own English default for English pages. */
export function mapLibreLocale(locale: Locale): Record<string, string> | undefined {
	return locale === 'vi' ? VIETNAMESE_MAP_LOCALE : undefined;
}
