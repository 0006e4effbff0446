package cn.zhifa.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaEventRepository extends JpaRepository<SlaEvent, Long> {

	boolean existsByTimerJobKey(String timerJobKey);
}

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);
}
