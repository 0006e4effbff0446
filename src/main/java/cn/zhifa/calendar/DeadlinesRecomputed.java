package cn.zhifa.calendar;

import java.time.Instant;
import java.util.List;

/**
 * Published (synchronously, inside the recomputation's transaction) once per process instance whose
 * deadlines a recomputation changed — variables, timers, task dates — so the case's full-process record
 * can keep what moved and why.
 */
public record DeadlinesRecomputed(String processInstanceId, List<Moved> moved) {

	/** One deadline that moved: {@code kind} variable, timer, task dueDate or task followUpDate. */
	public record Moved(String kind, String id, Instant before, Instant after) {
	}
}
