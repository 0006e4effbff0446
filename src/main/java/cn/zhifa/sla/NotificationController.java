package cn.zhifa.sla;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The logged-in user's notifications (issue 17 §3): {@code GET /api/notifications?unread=&page=&size=},
 * {@code GET /api/notifications/unread-count}, {@code POST /api/notifications/{id}/read},
 * {@code POST /api/notifications/read-all}; subscriptions to an agency's SLA notifications:
 * {@code GET /api/notifications/subscriptions}, {@code PUT|DELETE /api/notifications/subscriptions/{agency}}. Marking read is the user's own state, allowed to
 * supervisors too. A list answered to the Tasklist page carries Spring's CSRF token in the header
 * {@code X-CSRF-TOKEN}, which the page sends back with its POSTs (it has no HTTP Basic credentials).
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	static final int MAX_PAGE_SIZE = 100;

	private final NotificationCenter center;

	NotificationController(NotificationCenter center) {
		this.center = center;
	}

	@GetMapping
	ResponseEntity<NotificationCenter.Page> list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, CsrfToken csrf,
			HttpServletRequest request) {
		InputCheck.requirePage(page, size, MAX_PAGE_SIZE);
		return WebappCsrf.ok(csrf, request).body(center.list(CurrentUser.get(), unread, page, size));
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount() {
		return Map.of("unread", center.unread(CurrentUser.get()));
	}

	@PostMapping("/{id}/read")
	Map<String, Long> read(@PathVariable String id) {
		CurrentUser user = CurrentUser.get();
		// an id that is not a number is as unknown as another user's notification: 404, nothing revealed
		if (!id.matches("[0-9]{1,18}") || !center.markRead(user, Long.parseLong(id))) {
			throw Problem.notFound("id", "没有这条通知");
		}
		return Map.of("unread", center.unread(user));
	}

	/** The agencies whose every SLA warning and breach the user receives. */
	@GetMapping("/subscriptions")
	Map<String, Object> subscriptions() {
		return Map.of("agencies", center.subscriptions(CurrentUser.get().id()));
	}

	/** Subscribes to an agency the user may see (supervisors: any). */
	@PutMapping("/subscriptions/{agency}")
	Map<String, Object> subscribe(@PathVariable String agency) {
		CurrentUser user = subscriber(agency);
		boolean added = center.subscribe(user.id(), agency);
		return Map.of("subscribed", added, "agencies", center.subscriptions(user.id()));
	}

	@DeleteMapping("/subscriptions/{agency}")
	Map<String, Object> unsubscribe(@PathVariable String agency) {
		CurrentUser user = subscriber(agency);
		boolean removed = center.unsubscribe(user.id(), agency);
		return Map.of("unsubscribed", removed, "agencies", center.subscriptions(user.id()));
	}

	/** The logged-in user if they may see {@code agency} (supervisors: any), else 404: the agency is not revealed. */
	private static CurrentUser subscriber(String agency) {
		CurrentUser user = CurrentUser.get();
		if (!user.mayAccessAgency(agency)) {
			throw Problem.notFound("agency", "没有这个执法主体，或无权订阅它的通知");
		}
		return user;
	}

	@PostMapping("/read-all")
	Map<String, Long> readAll() {
		CurrentUser user = CurrentUser.get();
		long marked = center.markAllRead(user);
		return Map.of("marked", marked, "unread", center.unread(user));
	}
}
