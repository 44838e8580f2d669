import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** In CI nothing may be skipped: a skipped end-to-end test fails the run, naming it. */
export default class NoSkipsReporter implements Reporter {
	private readonly skipped: string[] = [];

	onTestEnd(test: TestCase, result: TestResult) {
		if (result.status === 'skipped') this.skipped.push(test.titlePath().join(' > '));
	}

	async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | void> {
		if (this.skipped.length === 0) return;
		console.error(`\n${this.skipped.length} end-to-end test(s) skipped, which CI does not allow:`);
		for (const title of this.skipped) console.error(`  - ${title}`);
		return { status: result.status === 'passed' ? 'failed' : result.status };
	}
}
