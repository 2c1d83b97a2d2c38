import { useCallback, useState } from 'react';
import { formatError } from '../lib/errors.js';

/** A file whose upload was never completed has no recording to show (status "awaiting_upload"). */
const isReady = (f) => !f.status || f.status === 'ready';

/** The session's recordings and the one on screen (with its sweep, channel and overlaid sweeps). */
export function useRecordings(api, setBanner) {
  const [files, setFiles] = useState([]);
  const [currentId, setCurrentId] = useState(null);
  const [sweep, setSweep] = useState(0);
  const [channel, setChannel] = useState(0);
  const [overlay, setOverlay] = useState([]);
  const file = files.find((f) => f.fileId === currentId) ?? null;

  const select = useCallback((fileId) => {
    setCurrentId(fileId);
    setSweep(0);
    setChannel(0);
    setOverlay([]);
  }, []);

  const load = useCallback((list) => setFiles(list.filter(isReady)), []);
  const add = useCallback(
    (descs) => setFiles((fs) => [...fs.filter((x) => !descs.some((d) => d.fileId === x.fileId)), ...descs]),
    [],
  );

  const remove = async (f) => {
    if (!window.confirm(`Delete ${f.fileName} from this session?`)) return false;
    try {
      await api.deleteFile(f.fileId);
      setFiles((fs) => fs.filter((x) => x.fileId !== f.fileId));
      if (currentId === f.fileId) setCurrentId(null);
      return true;
    } catch (e) {
      setBanner(formatError(e, `Could not delete ${f.fileName}`));
      return false;
    }
  };

  const reset = useCallback(() => {
    setFiles([]);
    setCurrentId(null);
  }, []);

  return { files, file, select, load, add, remove, reset, sweep, setSweep, channel, setChannel, overlay, setOverlay };
}
