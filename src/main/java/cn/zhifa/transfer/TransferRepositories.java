package cn.zhifa.transfer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TransferRepository extends JpaRepository<Transfer, String> {

	List<Transfer> findByKindAndCaseIdOrderByOpenedAtAsc(Transfer.Kind kind, String caseId);

	List<Transfer> findByAgencyCodeInOrderByOpenedAtDesc(Collection<String> agencyCodes);
}

interface TransferStepRepository extends JpaRepository<TransferStep, Long> {

	List<TransferStep> findByTransferIdOrderByIdAsc(String transferId);
}
