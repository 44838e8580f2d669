import type { Reporter, TestModule } from 'vitest/node';

/** In CI nothing may be skipped: a skipped or todo test fails the run, naming the tests. */
export default class NoSkipsReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
		const skipped = testModules.flatMap((testModule) => [...testModule.children.allTests('skipped')]);
		if (skipped.length === 0) return;
		console.error(`\n${skipped.length} test(s) skipped, which CI does not allow:`);
		for (const test of skipped) console.error(`  - ${test.module.moduleId} > ${test.fullName}`);
		process.exitCode = 1;
	}
}
