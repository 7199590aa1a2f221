import type { Logger } from '../app.js';
import type { Store } from '../db/index.js';
import { harvestDue, type HarvestOptions, type HarvestReport } from './harvest.js';

export interface HarvestSchedule {
  /** Claims no further account, waits for the feeds being read, and runs no more. */
  stop(): Promise<void>;
}

export interface HarvestScheduleOptions extends Omit<HarvestOptions, 'now' | 'signal'> {
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  log: Logger;
  /** Called with each run's report. */
  onReport?: (report: HarvestReport) => void;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads the harvest interval (`GONGKAI_HARVEST_EVERY`): `90s`, `15m`, `1h`, `500ms`. Unset, empty,
 * `0` or `off` turn the schedule off (null).
 */
export function parseHarvestEvery(value: string | undefined): number | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'off') return null;
  const match = /^(\d+)(ms|s|m|h)$/.exec(text);
  if (!match || Number(match[1]) === 0) throw new Error(`GONGKAI_HARVEST_EVERY must be a duration like 15m, 90s or 1h, or off; got "${value}"`);
  return Number(match[1]) * UNITS[match[2]!]!;
}

/**
 * Harvests the due accounts now and then again `everyMs` after each run ends, until stopped. Every
 * process may run one: accounts are claimed in the database (see harvestDue). Logs counts only,
 * never feed addresses.
 */
export function startHarvestSchedule(store: Store, options: HarvestScheduleOptions): HarvestSchedule {
  const { everyMs, log, onReport, ...harvest } = options;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      const report = await harvestDue(store, new Date(), { ...harvest, signal: controller.signal });
      if (report.accounts > 0) {
        log.info(
          `harvest: ${report.accounts} accounts, ${report.articlesNew} new and ${report.articlesUpdated} updated articles, ` +
            `${report.snapshots} snapshots, ${report.failures.length} failed (${report.seconds} s)`,
        );
      }
      onReport?.(report);
    } catch (e) {
      log.error('harvest run failed', e);
    }
  };
  const loop = () => {
    running = run().finally(() => {
      running = undefined;
      if (!controller.signal.aborted) timer = setTimeout(loop, everyMs);
    });
  };
  loop();
  return {
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
