package cn.zhifa.supervision;

import static cn.zhifa.platform.Steps.text;
import static cn.zhifa.supervision.CaseFileReviewService.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code case-file-review}: each maps the process's variables to one step of
 * {@link CaseFileReviewService} and its result back (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class CaseFileReviewDelegates {

	@Bean
	JavaDelegate drawCaseFiles(CaseFileReviewService service) {
		return execution -> {
			CaseFileReviewService.Drawn d = service.draw(Steps.of(execution), text(execution, AGENCY),
					execution.getVariable(YEAR));
			Steps.numbered(execution, NO, d.no(), d.agency(), d.agencyName());
			execution.setVariable(AGENCY_NAME, d.agencyName());
			execution.setVariable("supervisingBody", d.bureau());
			execution.setVariable(YEAR, d.year());
			execution.setVariable(SEED, d.seed());
			execution.setVariable(POPULATION_SIZE, d.populationSize());
			execution.setVariable(POPULATION_HASH, d.populationHash());
			execution.setVariable(SAMPLE_SIZE, d.sampleSize());
			execution.setVariable(CASES, d.cases());
			execution.setVariable(CHECKLIST, d.checklist());
		};
	}

	@Bean
	JavaDelegate summariseCaseFileReview(CaseFileReviewService service) {
		return execution -> {
			CaseFileReviewService.Summary summary = service.summarise(Steps.of(execution), text(execution, NO));
			execution.setVariable(RESULTS, SpinValues.jsonValue(summary.resultsJson()).create());
			execution.setVariable(RESULTS_TEXT, summary.resultsText());
			execution.setVariable(AVERAGE, summary.average());
			execution.setVariable(FAILED, summary.failed());
		};
	}

	@Bean
	JavaDelegate concludeCaseFileReview(CaseFileReviewService service) {
		return execution -> {
			String requirement = text(execution, REQUIREMENT);
			Object average = execution.getVariable(AVERAGE);
			Object failed = execution.getVariable(FAILED);
			service.conclude(Steps.of(execution), text(execution, NO), average instanceof Number n ? n.doubleValue() : 0,
					failed instanceof Number f ? f.intValue() : 0, text(execution, CONCLUSION), text(execution, FOLLOW_UP),
					requirement);
			if (requirement == null) {
				execution.setVariable(REQUIREMENT, "无");
			}
			execution.setVariable(NOTICE_NO, "未制发");
		};
	}

	@Bean
	JavaDelegate issueReviewNotice(CaseFileReviewService service) {
		return execution -> {
			String noticeNo = service.issueNotice(Steps.of(execution), text(execution, NO), text(execution, REQUIREMENT),
					execution.getProcessDefinitionId());
			if (noticeNo != null) {
				execution.setVariable(NOTICE_NO, noticeNo);
			}
		};
	}

	@Bean
	JavaDelegate recordReviewAcknowledgement(CaseFileReviewService service) {
		return execution -> {
			service.acknowledge(Steps.of(execution), text(execution, NO), text(execution, ACKNOWLEDGEMENT));
		};
	}

	/**
	 * Task listener {@code ${caseFileReviewTaskChecks}}: on {@code create} of 评查案卷 the drawn case is put in front of
	 * the reviewer (its file, record and interference reports), on {@code create} of 签收评查结果 the report is kept with
	 * the review; on {@code complete} the check of each form, by form (fail closed).
	 */
	@Component("caseFileReviewTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(CaseFileReviewService service) {
			super("caseFileReviewTaskChecks");
			onCreate("case-file-review-score", task -> {
				CaseFileReviewService.PreparedCase c = service.prepareCase(text(task, NO), task.getVariable("loopCounter"),
						text(task, CASES));
				DelegateExecution execution = task.getExecution();
				execution.setVariableLocal(CASE_NO, c.caseNo());
				execution.setVariableLocal(CASE_FILE_URL, c.fileUrl());
				execution.setVariableLocal(CASE_RECORD_URL, c.recordUrl());
				execution.setVariableLocal(CASE_INTERFERENCE, c.interference());
				execution.setVariableLocal(CASE_SUMMARY, c.summary());
				task.setVariableLocal(OPTIONS, SpinValues.jsonValue(c.optionsJson()).create());
				task.setVariableLocal(CHECKLIST, c.checklist());
			});
			onComplete("case-file-review-score", task -> {
				service.score(Steps.of(task), text(task, NO), text(task, CASE_NO), task.getVariable(DEDUCTIONS),
						text(task, COMMENTS));
				// kept with the drawn file: the form's fields start empty in the next file's task
				task.removeVariable(DEDUCTIONS);
				task.removeVariable(COMMENTS);
			});
			onComplete("case-file-review-conclude", task -> service.checkConclusion(text(task, FOLLOW_UP),
					text(task, CONCLUSION), text(task, REQUIREMENT)));
			onCreate("case-file-review-acknowledge",
					task -> service.reported(Steps.of(task), text(task, NO), text(task, REPORT_DOC)));
			onComplete("case-file-review-acknowledge",
					task -> service.checkAcknowledgement(text(task, ACKNOWLEDGEMENT)));
		}
	}
}
