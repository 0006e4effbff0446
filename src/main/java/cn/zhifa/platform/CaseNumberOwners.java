package cn.zhifa.platform;

import java.util.Optional;

/**
 * Which agency a case number already belongs to, where a feature knows it (the case register, the
 * full-process record). A user's start naming another agency's case number is refused
 * ({@link AgencyTenantIdProvider}): otherwise a standalone start (legal review, disclosure, transfer)
 * would write into that agency's case and record.
 */
@FunctionalInterface
public interface CaseNumberOwners {

	/** The agency (tenant) the case number belongs to, if this feature knows the number. */
	Optional<String> agencyOf(String caseNo);
}
