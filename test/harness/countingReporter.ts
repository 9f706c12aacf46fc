// Mocha's spec reporter plus the closing line every test stage of `npm test` ends with: `N passed, N failed`.
//   mocha --reporter ./test/harness/countingReporter.ts
import Mocha from 'mocha';

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      // After the spec reporter's epilogue (registered first), so this is the last line.
      console.log(`${this.stats.passes} passed, ${this.stats.failures} failed`);
    });
  }
}

export = CountingReporter;
