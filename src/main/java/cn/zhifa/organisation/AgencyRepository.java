package cn.zhifa.organisation;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AgencyRepository extends JpaRepository<Agency, String> {

	/**
	 * The agency, its row locked until the transaction ends ({@code SELECT … FOR UPDATE}): serialises work that must
	 * happen once per agency across concurrent jobs and nodes (e.g. starting its annual report).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Agency a where a.code = :code")
	Optional<Agency> lockByCode(String code);
}
