package cn.zhifa.document;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DocumentCounterRepository extends JpaRepository<DocumentCounter, DocumentCounter.Key> {

	/** SELECT ... FOR UPDATE: other transactions wait here until the lock holder commits or rolls back. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from DocumentCounter c where c.key = :key")
	Optional<DocumentCounter> findForUpdate(DocumentCounter.Key key);
}
