package cn.zhifa.record;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zhifa.platform.CaseNumberOwners;

/**
 * A case number with a full-process record belongs to the agency of that record (also cases outside
 * the case register: standalone legal reviews, disclosures, transfers): another agency's start may
 * not append to it.
 */
@Component
class RecordCaseOwners implements CaseNumberOwners {

	private final RecordService records;

	RecordCaseOwners(RecordService records) {
		this.records = records;
	}

	@Override
	public Optional<String> agencyOf(String caseNo) {
		return records.head(caseNo).map(RecordService.CaseHead::agencyCode);
	}
}
