/**
 * The Content-Security-Policy of the built renderer, enforced by a real browser: an inline
 * script, an inline event handler and eval are each blocked, and the page reports the violation.
 */
import { expect, openApp, test } from './fixtures';

test('the built renderer blocks inline scripts, inline handlers and eval', async ({ page, app }) => {
  await openApp(page, app);
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));

    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);

    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__onerrorRan = true" onload="window.__onerrorRan = true">';
    document.body.appendChild(holder);

    // DevTools lets code it evaluates use eval; a timer callback runs as the page's own code.
    setTimeout(() => {
      try {
        (0, eval)('window.__evalRan = true');
        w.__evalOutcome = 'ran';
      } catch (err) {
        w.__evalOutcome = (err as Error).name;
      }
    }, 0);
    await new Promise((r) => setTimeout(r, 300));
    return {
      inlineRan: w.__inlineRan === true,
      handlerRan: w.__onerrorRan === true,
      evalRan: w.__evalRan === true,
      evalOutcome: w.__evalOutcome,
      violations: [...new Set(violations)].sort(),
    };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.handlerRan).toBe(false);
  expect(outcome.evalRan).toBe(false);
  expect(outcome.evalOutcome).toBe('EvalError');
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem']));
});
