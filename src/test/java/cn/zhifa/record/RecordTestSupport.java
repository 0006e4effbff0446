package cn.zhifa.record;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Shared by the record tests: the test model and a case's start variables. */
final class RecordTestSupport {

	static final String PROCESS = "record-whole-case";

	private RecordTestSupport() {
	}

	static void deployTestModel(ProcessEngine engine) {
		engine.getRepositoryService().createDeployment().name("record-tests").enableDuplicateFiltering(false)
			.addClasspathResource("record/record-whole-case.bpmn").addClasspathResource("models/test-form.form")
			.addClasspathResource("models/dmn/av-recording-list.dmn").deploy();
	}

	/** Start variables: agency, party, the AV action kind and what the review submission template needs. */
	static Map<String, Object> caseVariables(String caseNo, String partyIdNumber) {
		Map<String, Object> v = new HashMap<>();
		v.put("caseId", caseNo);
		v.put("agencyCode", "LIAOKUO");
		v.put("partyName", "寥阔商贸有限公司");
		v.put("partyIdNumber", partyIdNumber);
		v.put("actionKind", "SEIZURE");
		v.put("decisionType", "PENALTY");
		v.put("majorReasons", "拟处罚款金额较大");
		v.put("materials", List.of("调查终结报告", "证据材料"));
		v.put("handlerId", "officer1");
		v.put("materialsReceivedAt", new Date());
		v.put("reviewDueAt", new Date());
		v.put("reviewRound", 1);
		return v;
	}

	/** The logged-in user as the REST layer would set it (the record names who acted). */
	static void loginAs(String userId) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId,
				null, List.of(new SimpleGrantedAuthority("ROLE_officer"), new SimpleGrantedAuthority("TENANT_LIAOKUO"))));
	}

	static void logout() {
		SecurityContextHolder.clearContext();
	}
}
