package cn.zhifa.enforcementcase;

import cn.zhifa.platform.CaseVariables;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What registering a case needs (the start form / {@code POST /api/cases}). Field names are also
 * the process variable names. {@code violationDate} is the day of the violation, or the day a
 * continuing one ended, from which the limitation of 行政处罚法 art. 36 runs; {@code limitationHarm}
 * marks a violation touching life/health or financial security with harmful consequences (5 years).
 * {@code partyAddress} is the party's 住所（地址）, which every decision names (行政处罚法 arts. 52, 59) and where
 * documents are served unless the party gave another address; required except on a case transferred in.
 */
public record NewCase(String agencyCode, String source, boolean summaryProcedure, String partyType, String partyName,
		String partyIdNumber, String partyContact, boolean partyIsOfficial, String violationCode, String facts,
		LocalDate discoveredOn, Double proposedFine, String transferredFromCaseNo, String transferProcessInstanceId,
		LocalDate violationDate, boolean limitationHarm, String partyAddress) {

	/** A case registered without an address (a transfer from another agency that did not record it). */
	public NewCase(String agencyCode, String source, boolean summaryProcedure, String partyType, String partyName,
			String partyIdNumber, String partyContact, boolean partyIsOfficial, String violationCode, String facts,
			LocalDate discoveredOn, Double proposedFine, String transferredFromCaseNo, String transferProcessInstanceId,
			LocalDate violationDate, boolean limitationHarm) {
		this(agencyCode, source, summaryProcedure, partyType, partyName, partyIdNumber, partyContact, partyIsOfficial,
				violationCode, facts, discoveredOn, proposedFine, transferredFromCaseNo, transferProcessInstanceId,
				violationDate, limitationHarm, null);
	}

	/** A case whose violation date is not known to the caller (a transfer from another agency, older clients). */
	public NewCase(String agencyCode, String source, boolean summaryProcedure, String partyType, String partyName,
			String partyIdNumber, String partyContact, boolean partyIsOfficial, String violationCode, String facts,
			LocalDate discoveredOn, Double proposedFine, String transferredFromCaseNo, String transferProcessInstanceId) {
		this(agencyCode, source, summaryProcedure, partyType, partyName, partyIdNumber, partyContact, partyIsOfficial,
				violationCode, facts, discoveredOn, proposedFine, transferredFromCaseNo, transferProcessInstanceId, null, false,
				null);
	}

	Map<String, Object> variables() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put(CaseVariables.AGENCY_CODE, agencyCode);
		v.put("caseSource", source);
		v.put("summaryProcedure", summaryProcedure);
		v.put("partyType", partyType);
		v.put("partyName", partyName);
		v.put("partyIdNumber", partyIdNumber);
		v.put("partyContact", partyContact);
		if (partyAddress != null) {
			v.put(CaseVariables.PARTY_ADDRESS, partyAddress);
		}
		v.put("partyIsOfficial", partyIsOfficial);
		v.put("violationCode", violationCode);
		v.put("facts", facts);
		v.put("discoveredOn", discoveredOn.toString());
		if (violationDate != null) {
			v.put("violationDate", violationDate.toString());
		}
		v.put("limitationHarm", limitationHarm);
		if (proposedFine != null) {
			v.put("proposedFine", proposedFine);
		}
		if (transferProcessInstanceId != null) {
			v.put(CaseVariables.TRANSFER_PROCESS_INSTANCE_ID, transferProcessInstanceId);
			v.put(CaseVariables.TRANSFERRED_FROM_CASE_NO, transferredFromCaseNo);
		}
		return v;
	}

	/** The same case with the party's address. */
	public NewCase withPartyAddress(String address) {
		return new NewCase(agencyCode, source, summaryProcedure, partyType, partyName, partyIdNumber, partyContact,
				partyIsOfficial, violationCode, facts, discoveredOn, proposedFine, transferredFromCaseNo,
				transferProcessInstanceId, violationDate, limitationHarm, address);
	}
}
