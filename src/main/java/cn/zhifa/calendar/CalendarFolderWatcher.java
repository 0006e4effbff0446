package cn.zhifa.calendar;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reloads the calendar when a file in the calendar folder changes (in addition to the admin call
 * {@code POST /api/calendar/reload}). Changes are collected for a second, so an editor's several
 * writes cause one reload. A malformed file is logged with file and line and the calendar in
 * force stays. Off with {@code zhifa.calendar.watch=false}; nothing to watch when the calendar
 * comes from the jar.
 */
@Component
class CalendarFolderWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CalendarFolderWatcher.class);

	private final CalendarRegistry registry;
	private final boolean enabled;
	/** how long the folder must stay quiet before the reload (an editor's burst of writes) */
	private final Duration quiet;
	private final AtomicInteger failedReloads = new AtomicInteger();
	private volatile WatchService watchService;
	private volatile Thread thread;

	@Autowired
	CalendarFolderWatcher(CalendarRegistry registry, @Value("${zhifa.calendar.watch:true}") boolean enabled) {
		this(registry, enabled, Duration.ofSeconds(1));
	}

	/** With a shorter {@code quiet} period than the second of the application (tests). */
	CalendarFolderWatcher(CalendarRegistry registry, boolean enabled, Duration quiet) {
		this.registry = registry;
		this.enabled = enabled;
		this.quiet = quiet;
	}

	@Override
	public void start() {
		if (!enabled || registry.origin().startsWith("classpath:")) {
			return;
		}
		Path folder = Path.of(registry.origin());
		try {
			watchService = FileSystems.getDefault().newWatchService();
			folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
					StandardWatchEventKinds.ENTRY_DELETE);
		}
		catch (IOException | UnsupportedOperationException e) {
			log.warn("Cannot watch calendar folder {} ({}); use POST /api/calendar/reload after editing", folder,
					e.getMessage());
			return;
		}
		thread = new Thread(this::watch, "calendar-folder-watcher");
		thread.setDaemon(true);
		thread.start();
		log.info("Watching {} for calendar changes", folder);
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = watchService.take();
				// collect the burst of events an editor produces, then reload once
				do {
					key.pollEvents();
					key.reset();
					key = watchService.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
				}
				while (key != null);
				try {
					registry.reload();
				}
				catch (CalendarFileException e) {
					failedReloads.incrementAndGet();
					log.error("Calendar not reloaded, the previous one stays in force: {}", e.getMessage());
				}
				catch (RuntimeException e) {
					failedReloads.incrementAndGet();
					log.error("Calendar not reloaded, the previous one stays in force", e);
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		WatchService service = watchService;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException e) {
				log.debug("closing the calendar watcher", e);
			}
		}
		watchService = null;
		thread = null;
	}

	/** How many reloads failed so far, the calendar in force staying (tests wait on it instead of sleeping). */
	int failedReloads() {
		return failedReloads.get();
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}
}
