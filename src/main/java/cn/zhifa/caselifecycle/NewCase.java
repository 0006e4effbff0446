package cn.zhifa.caselifecycle;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What registering a case needs (the start form / {@code POST /api/cases}). Field names are also
 * the process variable names.
 */
public record NewCase(String agencyCode, String source, boolean summaryProcedure, String partyType, String partyName,
		String partyIdNumber, String partyContact, boolean partyIsOfficial, String violationCode, String facts,
		LocalDate discoveredOn, Double proposedFine, String transferredFromCaseNo, String transferProcessInstanceId) {

	Map<String, Object> variables() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("agencyCode", agencyCode);
		v.put("caseSource", source);
		v.put("summaryProcedure", summaryProcedure);
		v.put("partyType", partyType);
		v.put("partyName", partyName);
		v.put("partyIdNumber", partyIdNumber);
		v.put("partyContact", partyContact);
		v.put("partyIsOfficial", partyIsOfficial);
		v.put("violationCode", violationCode);
		v.put("facts", facts);
		v.put("discoveredOn", discoveredOn.toString());
		if (proposedFine != null) {
			v.put("proposedFine", proposedFine);
		}
		if (transferProcessInstanceId != null) {
			v.put("transferProcessInstanceId", transferProcessInstanceId);
			v.put("transferredFromCaseNo", transferredFromCaseNo);
		}
		return v;
	}
}
