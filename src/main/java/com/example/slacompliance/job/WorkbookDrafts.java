package com.example.slacompliance.job;

import com.example.slacompliance.workbook.KeptLists;
import com.example.slacompliance.workbook.MonthlyWorkbook;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The workbooks written while their runs publish: started by the publish step from the rows the run
 * kept, put in place by the workbook step. When a run ends, what it did not use is discarded: a draft
 * whose publish failed, the rows kept for a workbook it did not reach.
 */
final class WorkbookDrafts implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(WorkbookDrafts.class);

    /** A draft reads the run's rejected tickets into memory before the publish: not when there are more. */
    static final long MAX_REJECTIONS = 100_000;

    private final Map<Long, MonthlyWorkbook.Draft> drafts = new ConcurrentHashMap<>();
    private final KeptLists keptLists;
    private final MonthlyWorkbook monthlyWorkbook;
    private final Path outputDir;

    WorkbookDrafts(KeptLists keptLists, MonthlyWorkbook monthlyWorkbook, Path outputDir) {
        this.keptLists = keptLists;
        this.monthlyWorkbook = monthlyWorkbook;
        this.outputDir = outputDir;
    }

    /**
     * Starts the workbook of a run that is about to publish, if it kept the rows of all the
     * {@code staged} judgements of its evaluate step and rejected few tickets; otherwise (or should it
     * fail to start) the workbook step writes it from what was published.
     */
    void start(long jobExecutionId, YearMonth month, Instant asOf, long staged) {
        Optional<KeptLists.Lists> kept = keptLists.take(jobExecutionId, staged);
        if (kept.isEmpty()) {
            return;
        }
        if (kept.get().rejections() > MAX_REJECTIONS) {
            kept.get().close();
            return;
        }
        try {
            put(jobExecutionId, monthlyWorkbook.draft(outputDir, month, asOf, jobExecutionId, kept.get()));
        } catch (IOException | RuntimeException e) {
            log.debug("run {}: the workbook is written after publishing ({})", jobExecutionId, e.toString());
        }
    }

    /** Puts the run's workbook in place: the one started while it published, or else one from what was published. */
    void finish(long jobExecutionId, YearMonth month, Instant asOf) throws IOException {
        MonthlyWorkbook.Draft draft = drafts.remove(jobExecutionId);
        if (draft == null) {
            monthlyWorkbook.write(outputDir, month, asOf);
            return;
        }
        try {
            draft.commit();
        } finally {
            draft.discard();
        }
    }

    private void put(long jobExecutionId, MonthlyWorkbook.Draft draft) {
        MonthlyWorkbook.Draft before = drafts.put(jobExecutionId, draft);
        if (before != null) {
            before.discard();
        }
    }

    void discard(long jobExecutionId) {
        MonthlyWorkbook.Draft draft = drafts.remove(jobExecutionId);
        if (draft != null) {
            draft.discard();
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        discard(execution.getId());
        keptLists.discard(execution.getId());
    }
}
