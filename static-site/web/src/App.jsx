import { useCallback, useEffect, useRef, useState } from 'react';
import { SessionBar } from './components/SessionBar.jsx';
import { FilesPanel } from './components/FilesPanel.jsx';
import { FiltersPanel } from './components/FiltersPanel.jsx';
import { AnalysisPanel } from './components/AnalysisPanel.jsx';
import { CurvesPanel, CURVES } from './components/CurvesPanel.jsx';
import { HistoryPanel, BatchPanel } from './components/HistoryPanel.jsx';
import { PurpleCurves } from './components/PurpleCurves.jsx';
import { Results } from './components/Results.jsx';
import { RecordingPlot } from './components/RecordingPlot.jsx';
import { AccessCodeDialog } from './components/AccessCodeDialog.jsx';
import { ChargeVoltagePanel } from './components/ChargeVoltagePanel.jsx';
import { ChargeVoltageSets } from './components/ChargeVoltageSets.jsx';
import { useConfig } from './hooks/useConfig.js';
import { useSession } from './hooks/useSession.js';
import { useUploads } from './hooks/useUploads.js';
import { useRecordings } from './hooks/useRecordings.js';
import { useAnalysis } from './hooks/useAnalysis.js';
import { useBatchJobs } from './hooks/useBatchJobs.js';
import { useChargeVoltage } from './hooks/useChargeVoltage.js';
import { useTouch } from './hooks/useMedia.js';
import { download } from './lib/api.js';
import { chainJson, isRawPanel } from './lib/chain.js';
import { buildAnalysisRequest } from './lib/request.js';
import { formatError } from './lib/errors.js';
import { newestFirst } from './lib/history.js';
import { wordsFor } from './lib/words.js';

const initialCurves = () => Object.fromEntries(CURVES.map(([key]) => [key, { show: true, mode: 'lines' }]));

/** Waits for the API's settings (every preset, default, rule and limit), then lays out the page. */
export function App() {
  const { config, error, retry } = useConfig();
  if (!config) {
    return (
      <div className="app">
        <p className="card" role="status">
          {error ?? 'Loading…'}{' '}
          {error && (
            <button type="button" className="btn small" onClick={retry}>
              Retry
            </button>
          )}
        </p>
      </div>
    );
  }
  return <Page config={config} />;
}

function Page({ config }) {
  const touch = useTouch();
  const words = wordsFor(touch);
  const s = useSession();
  const rec = useRecordings(s.api, s.setBanner);
  const resultsRef = useRef(null);
  // Instantly and once more after the plots have drawn: a smooth scroll loses against the browser's scroll
  // anchoring while the results and purple curves grow above the sidebar (phones).
  const scrollToResults = useCallback(() => {
    const go = () => resultsRef.current?.scrollIntoView({ block: 'start' });
    requestAnimationFrame(go);
    setTimeout(go, 400);
  }, []);
  const an = useAnalysis(config, s.api, {
    file: rec.file,
    sweep: rec.sweep,
    channel: rec.channel,
    onAnalyzed: scrollToResults,
  });
  const choose = (desc) => {
    rec.select(desc.fileId);
    an.recordingChosen(desc);
  };
  const up = useUploads(s.api, config.uploads, (descs) => {
    rec.add(descs);
    if (descs.length) choose(descs[0]);
  });
  const refreshHistory = an.refreshHistory;
  const batch = useBatchJobs(config, s.api, refreshHistory);
  const cv = useChargeVoltage(config, s.api, refreshHistory);
  const cvRef = useRef(null);
  const [previewOn, setPreviewOn] = useState(true);
  const [preview, setPreview] = useState(null);
  const [curves, setCurves] = useState(initialCurves);
  const [historySelected, setHistorySelected] = useState([]);
  const [exporting, setExporting] = useState(null);
  const [exportError, setExportError] = useState(null);

  // A reopened session shows its recordings and its newest analysis, with the panels it ran with.
  const { restored, setBanner } = s;
  const { load, select } = rec;
  const { setHistory, open } = an;
  useEffect(() => {
    if (!restored) return;
    load(restored.files);
    setHistory(restored.analyses);
    const latest = newestFirst(restored.analyses)[0];
    const ready = restored.files.filter((f) => !f.status || f.status === 'ready');
    if (latest && ready.some((f) => f.fileId === latest.fileId)) {
      select(latest.fileId);
      open(latest.analysisId).catch((e) => setBanner(formatError(e, 'Could not reopen the last analysis')));
    } else if (ready.length) {
      select(ready[ready.length - 1].fileId);
    }
  }, [restored, load, select, setHistory, open, setBanner]);

  const forget = () =>
    s.forget(() => {
      an.clear();
      an.resetPanels();
      rec.reset();
      up.reset();
      batch.reset();
      cv.reset();
      setHistory([]);
      setHistorySelected([]);
    });
  const deleteFile = async (f) => {
    if ((await rec.remove(f)) && an.view?.fileId === f.fileId) an.clear();
  };
  const openFromHistory = async (analysisId) => {
    const summary = an.history.find((a) => a.analysisId === analysisId);
    if (summary) rec.select(summary.fileId);
    try {
      await an.open(analysisId);
      scrollToResults();
    } catch (e) {
      s.setBanner(formatError(e, 'Could not open the analysis'));
    }
  };
  const exportAs = async (layout, set) => {
    const ids = historySelected.length ? historySelected : an.view ? [an.view.analysisId] : [];
    if (!ids.length) return;
    setExporting(layout);
    setExportError(null);
    try {
      await an.settled();
      const sets = layout === 'lab-sets' && set !== '' ? Object.fromEntries(ids.map((id) => [id, Number(set)])) : null;
      const res = await s.api.exportAnalyses(ids, layout, sets);
      download(res.url, res.fileName);
    } catch (e) {
      const needsSet = layout === 'lab-sets' && e.code === 'export_failed';
      setExportError(
        formatError(e, 'Export') + (needsSet ? ' Enter the set in “Set for Lab sets” below and export again.' : ''),
      );
    } finally {
      setExporting(null);
    }
  };

  const file = rec.file;
  return (
    <div className="app">
      <a className="skip" href="#main">
        Skip to the plot
      </a>
      <SessionBar session={s.session} busy={s.busy} onForget={forget} />
      <AccessCodeDialog prompt={s.codePrompt} onAnswer={s.answerCode} />
      {s.banner && (
        <div className="banner" role="status">
          <span>{s.banner}</span>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => s.setBanner(null)}>
            ×
          </button>
        </div>
      )}
      <div className="workspace">
        <aside className="sidebar" aria-label="Controls">
          <FilesPanel
            files={rec.files}
            uploads={up.uploads}
            uploadRules={config.uploads}
            currentFileId={file?.fileId}
            onFiles={up.start}
            onSelect={(id) => choose(rec.files.find((f) => f.fileId === id))}
            onDelete={deleteFile}
            onDismiss={up.dismiss}
            words={words}
            touch={touch}
          />
          <FiltersPanel
            config={config}
            filter={an.filter}
            onFilter={an.setFilter}
            errors={an.errors}
            preview={preview}
            previewOn={previewOn}
            onPreviewOn={setPreviewOn}
            disabled={!file}
          />
          <AnalysisPanel
            config={config}
            panel={an.panel}
            filter={an.filter}
            errors={an.errors}
            v2Source={an.v2Source}
            onChange={(p) => {
              if (p.params.v2Mv !== an.panel.params.v2Mv) an.setV2Source(null);
              an.setPanel(p);
            }}
            onAnalyze={an.analyze}
            running={an.running}
            disabled={!file || !s.api}
            changed={an.changed}
          />
          <CurvesPanel curves={curves} onChange={setCurves} />
          <HistoryPanel
            analyses={an.history}
            currentId={an.view?.analysisId}
            selected={historySelected}
            onSelected={setHistorySelected}
            onOpen={openFromHistory}
            onRefresh={refreshHistory}
          />
          <BatchPanel
            config={config}
            files={rec.files}
            batch={batch}
            disabled={!s.api}
            onStart={() => batch.start(an.request ?? { params: {} })}
            onDownload={(e) => download(e.url, e.fileName)}
          />
          <ChargeVoltagePanel
            config={config}
            files={rec.files}
            cv={cv}
            disabled={!s.api}
            onRun={async () => {
              // The set runs with what the Filters and Analysis panels show (each file at its own V2).
              await cv.run(buildAnalysisRequest(config, { fileId: null, analysis: an.panel, filter: an.filter }));
              requestAnimationFrame(() => cvRef.current?.scrollIntoView({ block: 'start' }));
            }}
          />
        </aside>
        <main className="main" id="main" tabIndex={-1}>
          {file ? (
            <RecordingPlot
              key={file.fileId}
              api={s.api}
              file={file}
              sweep={rec.sweep}
              channel={rec.channel}
              overlay={rec.overlay}
              onSweep={rec.setSweep}
              onChannel={rec.setChannel}
              onOverlay={rec.setOverlay}
              chain={chainJson(config, an.filter)}
              preview={previewOn && !isRawPanel(an.filter)}
              onPreview={setPreview}
              analysis={an.view}
              curves={curves}
              uploadClock={up.clock}
              touch={touch}
              words={words}
            />
          ) : (
            <section className="card empty" data-testid="empty">
              <h2>Start with a recording</h2>
              <p>
                {touch ? 'Choose' : 'Drop'} an Axon ATF or ABF file (or a CSV) {touch ? 'in' : 'on'} the{' '}
                <strong>Recordings</strong> panel. It goes straight to storage; the plot appears as soon as it has been
                read.
              </p>
            </section>
          )}
          {file && (an.view || an.running || an.error) && (
            <Results
              ref={resultsRef}
              fileName={file.fileName}
              analysis={an.view}
              running={an.running}
              error={an.error}
              saving={an.saving}
              adjustError={an.adjustError}
              layouts={config.exports.layouts}
              onExport={exportAs}
              exporting={exporting}
              exportError={exportError}
              exportCount={historySelected.length || 1}
            />
          )}
          {file && an.view && an.ranges && (
            <section className="card" aria-label="Purple curves" data-testid="purple-card">
              <h2 className="card-title">Integration ranges and fits · {file.fileName}</h2>
              <p className="muted small">
                {words.drag} to change what is integrated
                {an.view.result.ranges?.unit === 'points' ? '; it snaps to every 5th point' : ''}. For a fit, choose
                Linear or Exp and {words.click} two points. Every change is kept with the analysis and goes into the
                exports.
              </p>
              <PurpleCurves
                analysis={an.view}
                ranges={an.ranges}
                onRanges={an.changeRanges}
                fitsState={an.fits}
                onFits={an.changeFits}
                models={config.fits.models}
                busy={an.running}
                words={words}
              />
            </section>
          )}
          <div ref={cvRef}>
            <ChargeVoltageSets cv={cv} words={words} />
          </div>
        </main>
      </div>
    </div>
  );
}
