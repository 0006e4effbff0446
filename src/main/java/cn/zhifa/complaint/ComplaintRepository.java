package cn.zhifa.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ComplaintRepository extends JpaRepository<Complaint, String> {

	List<Complaint> findByAgencyCodeInOrderBySubmittedAtDesc(Collection<String> agencyCodes);

	List<Complaint> findAllByOrderBySubmittedAtDesc();

	Optional<Complaint> findByProcessInstanceId(String processInstanceId);
}

interface ComplaintAttachmentRepository extends JpaRepository<ComplaintAttachment, Long> {

	List<ComplaintAttachment> findByReceiptNoOrderByIdAsc(String receiptNo);
}
