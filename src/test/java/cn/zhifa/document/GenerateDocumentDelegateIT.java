package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * The generic {@code generateDocument} delegate in a small process: it fills the templates from the
 * process variables and hands the document id and number back to the process.
 */
@ZhifaIntegrationTest
class GenerateDocumentDelegateIT extends EngineTestSupport {

	@Autowired
	DocumentService documents;

	@BeforeEach
	void deployTestProcess() {
		engine.getRepositoryService().createDeployment().name("test-generate-document").enableDuplicateFiltering(true)
			.addClasspathResource("document/document-test.bpmn")
			.addClasspathResource("document/document-rollback-test.bpmn").addClasspathResource("models/test-form.form").deploy();
	}

	@Test
	void serviceTasksGenerateDocumentsFromTheProcessVariables() throws IOException {
		String caseId = "DOC-BPMN-" + UUID.randomUUID();
		Map<String, Object> variables = DocumentTemplatesTest.legalReviewVariables();
		variables.put("caseId", caseId);
		variables.put("submissionKind", "REVIEW_SUBMISSION");
		variables.put("reviewOutcome", "NEEDS_CORRECTION");
		variables.put("checkEvidence", false);

		Logger log = (Logger) LoggerFactory.getLogger(DocumentService.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		log.addAppender(logged);
		ProcessInstance instance;
		try {
			instance = engine.getRuntimeService().startProcessInstanceByKey("test-generate-document", caseId, variables);
		}
		finally {
			log.detachAppender(logged);
		}
		// the engine puts no process data into the logging context around a step (ADR-0067)
		assertThat(logged.list).isNotEmpty().allSatisfy(event -> assertThat(event.getMDCPropertyMap()).doesNotContainKeys(
				"activityId", "activityName", "processInstanceId", "processDefinitionId", "processDefinitionKey",
				"businessKey", "tenantId", "applicationName", "engineName"));

		Map<String, Object> after = engine.getRuntimeService().getVariables(instance.getId());
		// default variable name: REVIEW_SUBMISSION -> reviewSubmissionDocId
		String submissionId = (String) after.get("reviewSubmissionDocId");
		String opinionId = (String) after.get("opinionDocumentId");
		assertThat(submissionId).isNotBlank();
		assertThat(opinionId).isNotBlank();
		assertThat(after).doesNotContainKey("reviewOpinionDocId");

		StoredDocument opinion = documents.find(opinionId).orElseThrow();
		assertThat(after.get("opinionNumber")).isEqualTo(opinion.number());
		assertThat(opinion.number()).matches("寥街法审〔\\d{4}〕\\d+号");
		assertThat(opinion.processInstanceId()).isEqualTo(instance.getId());
		assertThat(opinion.caseId()).isEqualTo(caseId);
		assertThat(opinion.agencyCode()).isEqualTo("LIAOKUO");
		try (XWPFWordExtractor text = new XWPFWordExtractor(DocxTemplateFillerTest.reopen(opinion.content()))) {
			assertThat(text.getText()).doesNotContain("${").contains(opinion.number(), caseId, "寥廓街道综合行政执法队",
					"需补正、纠正", "证据是否合法、确实、充分", "存在问题", "行政处罚");
		}
		StoredDocument submission = documents.find(submissionId).orElseThrow();
		assertThat(submission.kind()).isEqualTo("REVIEW_SUBMISSION");
		try (XWPFWordExtractor text = new XWPFWordExtractor(DocxTemplateFillerTest.reopen(submission.content()))) {
			assertThat(text.getText()).contains("重大执法决定法制审核送审表", "调查终结报告", "证据材料", "听证笔录");
		}
	}

	/** A JSON variable (a checklist's chosen options, a table's rows) reaches the template as a list: one row each. */
	@Test
	void jsonVariablesReachTheTemplateAsLists() throws IOException {
		Map<String, Object> variables = DocumentTemplatesTest.legalReviewVariables();
		variables.put("caseId", "DOC-JSON-" + UUID.randomUUID());
		variables.put("submissionKind", "CASE_TRANSFER_LETTER");
		variables.put("caseTransferMaterials", SpinValues.jsonValue("[\"现场检查笔录\",\"询问笔录\",\"现场照片\"]").create());
		variables.put("inventory", SpinValues.jsonValue("[{\"item\":\"水果摊\",\"count\":1}]").create());

		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("test-generate-document",
				(String) variables.get("caseId"), variables);

		String id = (String) engine.getRuntimeService().getVariable(instance.getId(), "caseTransferLetterDocId");
		try (XWPFWordExtractor text = new XWPFWordExtractor(DocxTemplateFillerTest.reopen(documents.find(id).orElseThrow()
			.content()))) {
			assertThat(text.getText()).contains("1\t现场检查笔录", "2\t询问笔录", "3\t现场照片").doesNotContain("[", "${");
		}
	}

	@Test
	void caseIdFallsBackToTheBusinessKey() {
		String businessKey = "DOC-BK-" + UUID.randomUUID();
		Map<String, Object> variables = DocumentTemplatesTest.legalReviewVariables();
		variables.remove("caseId");
		variables.put("submissionKind", "REVIEW_SUBMISSION");

		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("test-generate-document",
				businessKey, variables);

		String id = (String) engine.getRuntimeService().getVariable(instance.getId(), "reviewSubmissionDocId");
		assertThat(documents.find(id).orElseThrow().caseId()).isEqualTo(businessKey);
	}

	@Test
	void unknownKindFailsNamingTheKindAndTheKindsFile() {
		Map<String, Object> variables = DocumentTemplatesTest.legalReviewVariables();
		variables.put("caseId", "DOC-BAD-" + UUID.randomUUID());
		variables.put("submissionKind", "NO_SUCH_DOCUMENT");

		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("test-generate-document",
				(String) variables.get("caseId"), variables))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("NO_SUCH_DOCUMENT")
			.hasMessageContaining("templates/document-kinds.yml");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey((String) variables.get("caseId")).count()).isZero();
	}

	@Test
	void failureLaterInTheSameTransactionLeavesNoDocumentAndNoUsedNumber() {
		// a QLSCJ case: its own series, so the number check does not depend on other tests
		String caseId = "DOC-RB-" + UUID.randomUUID();
		Map<String, Object> variables = DocumentTemplatesTest.legalReviewVariables();
		variables.put("caseId", caseId);
		variables.put("agencyCode", "QLSCJ");
		String before = generateOpinionFor("QLSCJ");

		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("test-generate-document-rollback",
				caseId, variables)).isInstanceOf(ProcessEngineException.class);

		// the delegate's document and number were rolled back with the engine's transaction
		assertThat(documents.listByCase(caseId)).isEmpty();
		String after = generateOpinionFor("QLSCJ");
		assertThat(sequence(after)).isEqualTo(sequence(before) + 1);
	}

	private String generateOpinionFor(String agency) {
		Map<String, Object> fields = DocumentTemplatesTest.legalReviewVariables();
		return documents.generate("REVIEW_OPINION", agency, "DOC-RB-REF-" + UUID.randomUUID(), null, fields).number();
	}

	private static int sequence(String number) {
		return Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1));
	}

	@Test
	void defaultVariableIsTheKindInCamelCase() {
		assertThat(DocumentKind.idVariable("REVIEW_OPINION")).isEqualTo("reviewOpinionDocId");
		assertThat(DocumentKind.idVariable("CRIMINAL_TRANSFER_LETTER")).isEqualTo("criminalTransferLetterDocId");
	}
}
