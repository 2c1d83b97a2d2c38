import { useCallback, useState } from 'react';
import { formatError } from '../lib/errors.js';
import { useJobPolling } from './useJobPolling.js';

/**
 * Batch jobs: many recordings through one analysis setting into lab workbooks, polled until done. By default
 * with the desktop's Export Sets settings (config.exports.labSets); or with what the panels show.
 */
export function useBatchJobs(config, api, onDone) {
  const [selected, setSelected] = useState([]);
  const [sets, setSets] = useState({});
  const [useLabSettings, setUseLabSettings] = useState(true);
  const [job, setJob] = useState(null);

  const start = async (panelRequest) => {
    const lab = config.exports.labSets;
    const settings = useLabSettings
      ? { mode: lab.mode, chain: lab.chain, params: panelRequest.params, startingPoint: lab.startingPoint }
      : {
          mode: panelRequest.mode,
          chain: panelRequest.chain,
          params: panelRequest.params,
          startingPoint: panelRequest.startingPoint,
        };
    // V2 of each file comes from its own name unless the name tells none.
    const { v2Mv: _v2, ...params } = settings.params;
    const given = Object.fromEntries(
      Object.entries(sets)
        .filter(([id, v]) => selected.includes(id) && v !== '')
        .map(([id, v]) => [id, Number(v)]),
    );
    try {
      const res = await api.startJob({
        kind: 'batch',
        fileIds: selected,
        ...settings,
        params,
        layout: 'lab-sets',
        ...(Object.keys(given).length ? { sets: given } : {}),
      });
      setJob({ ...res, done: 0, total: selected.length });
    } catch (e) {
      setJob({ status: 'failed', message: formatError(e, 'Batch') });
    }
  };

  const ended = useCallback(
    (next) => {
      if (next.status === 'done') onDone();
    },
    [onDone],
  );
  const unreadable = useCallback(
    (e) => setJob((j) => ({ ...j, status: 'failed', message: formatError(e, 'Batch') })),
    [],
  );
  useJobPolling(api, job, setJob, ended, unreadable);

  const reset = () => {
    setSelected([]);
    setSets({});
    setJob(null);
  };

  return { selected, setSelected, sets, setSets, useLabSettings, setUseLabSettings, job, start, reset };
}
