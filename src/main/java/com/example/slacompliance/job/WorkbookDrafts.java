package com.example.slacompliance.job;

import com.example.slacompliance.workbook.KeptLists;
import com.example.slacompliance.workbook.MonthlyWorkbook;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The workbooks being written while their runs publish, from the publish step to the workbook step,
 * which commits them. When a run ends, what it did not use is discarded: a draft whose publish failed,
 * the rows kept for a workbook it did not reach.
 */
final class WorkbookDrafts implements JobExecutionListener {

    private final Map<Long, MonthlyWorkbook.Draft> drafts = new ConcurrentHashMap<>();
    private final KeptLists keptLists;

    WorkbookDrafts(KeptLists keptLists) {
        this.keptLists = keptLists;
    }

    void put(long jobExecutionId, MonthlyWorkbook.Draft draft) {
        MonthlyWorkbook.Draft before = drafts.put(jobExecutionId, draft);
        if (before != null) {
            before.discard();
        }
    }

    /** The run's draft, if its publish step started one; the caller commits or discards it. */
    MonthlyWorkbook.Draft take(long jobExecutionId) {
        return drafts.remove(jobExecutionId);
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
