// The accessibility check every page's spec runs (not a spec itself): axe-core's WCAG 2.0–2.2 A and AA
// rules on the page as it is, with the violations listed in the failure (rule, impact, nodes).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe on `page` and expects no WCAG 2.2 A/AA violation. `exclude` takes selectors axe skips, for
 * content that is not ours to fix (none so far).
 */
export async function expectNoAxeViolations(page: Page, exclude: readonly string[] = []): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(WCAG_22_AA);
	for (const selector of exclude) builder = builder.exclude(selector);
	const { violations } = await builder.analyze();
	const readable = violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact,
		help: violation.help,
		nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary}`)
	}));
	expect(readable, `axe violations on ${page.url()}`).toEqual([]);
}
