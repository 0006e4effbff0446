package cn.zhifa.support;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.document.DocumentService;
import cn.zhifa.record.RecordService;
import cn.zhifa.sla.SlaService;

/**
 * A process scenario that also checks what the process leaves behind: its deadlines and notifications ({@link #sla}),
 * its full-process record ({@link #record}) and the documents it generates ({@link #documents}); most such scenarios
 * start on {@link #MONDAY}.
 */
public abstract class ProcessScenarioSupport extends EngineTestSupport {

	/** Monday 2 Nov 2026, 09:00 Beijing time (no holiday in November 2026). */
	protected static final String MONDAY = "2026-11-02T09:00:00+08:00";

	@Autowired
	protected SlaService sla;
	@Autowired
	protected RecordService record;
	@Autowired
	protected DocumentService documents;
}
