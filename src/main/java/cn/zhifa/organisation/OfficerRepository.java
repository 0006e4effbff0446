package cn.zhifa.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OfficerRepository extends JpaRepository<Officer, String> {

	List<Officer> findByAgencyCode(String agencyCode);

	long countByAgencyCodeAndRole(String agencyCode, StaffRole role);
}
