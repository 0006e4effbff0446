package cn.zhifa.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfficerRepository extends JpaRepository<Officer, String> {

	/**
	 * The agency's staff with their certificates, in one statement: the certificates are read with each officer
	 * ({@code EAGER}), which a derived query would do with one more statement per officer.
	 */
	@EntityGraph(attributePaths = "certificates")
	List<Officer> findByAgencyCode(String agencyCode);

	long countByAgencyCodeAndRole(String agencyCode, StaffRole role);
}
