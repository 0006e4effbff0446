package cn.zhifa.document;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<DocumentEntity, String> {

	/** Metadata only: the file contents stay in the database. */
	@Query("""
			select new cn.zhifa.document.DocumentMetadata(d.id, d.agencyCode, d.kind, d.number, d.caseId,
			    d.processInstanceId, d.fileName, d.sha256, d.createdAt, d.createdBy)
			from DocumentEntity d where d.caseId = :caseId and d.agencyCode in :agencies order by d.createdAt, d.id""")
	List<DocumentMetadata> findMetadataByCase(String caseId, Collection<String> agencies);

	@Query("""
			select new cn.zhifa.document.DocumentMetadata(d.id, d.agencyCode, d.kind, d.number, d.caseId,
			    d.processInstanceId, d.fileName, d.sha256, d.createdAt, d.createdBy)
			from DocumentEntity d where d.caseId = :caseId order by d.createdAt, d.id""")
	List<DocumentMetadata> findMetadataByCase(String caseId);
}
