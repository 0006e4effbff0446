package cn.zhifa.enforcementcase;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zhifa.platform.CaseNumberOwners;

/** A registered case's number belongs to its agency: no other agency's start may name it. */
@Component
class CaseRegisterOwners implements CaseNumberOwners {

	private final CaseRepository cases;

	CaseRegisterOwners(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public Optional<String> agencyOf(String caseNo) {
		return cases.findById(caseNo).map(EnforcementCase::getAgencyCode);
	}
}
