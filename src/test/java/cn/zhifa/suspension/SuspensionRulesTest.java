package cn.zhifa.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

import cn.zhifa.calendar.CalendarData;
import cn.zhifa.calendar.CalendarFiles;

/**
 * The suspending events of {@code calendar/period-suspensions.yml} (issue 16 §5): every event names its
 * statute (a statute of {@code statute-day-rules.yml}), its article and basis; every period is a
 * calendar-day limit; every step and timer the file names exists in the process it names — a renamed
 * step or a statute left out fails the build, not a running case.
 */
class SuspensionRulesTest {

	static final Path FILE = Path.of("calendar", CalendarFiles.SUSPENSIONS_FILE);

	@Test
	void everySuspendingEventNamesItsStatuteArticleAndBasis() throws IOException {
		CalendarData calendar = CalendarFiles.load(Path.of("calendar"));
		SuspensionRules.Rules rules = SuspensionRules.parse(Files.readString(FILE), FILE.toString(), calendar);
		// what art. 60 with the rules it defers to names: hearing, testing/appraisal, public notice, criminal transfer
		assertThat(rules.events().keySet()).contains("HEARING", "APPRAISAL", "PUBLIC_NOTICE", "CRIMINAL_TRANSFER");
		// 行政强制法 art. 25(3): testing and appraisal time is not counted in the 30 days of a seizure
		assertThat(rules.events().get("APPRAISAL_SEIZURE").period()).isEqualTo("SEIZURE");
		assertThat(rules.periods().get("SEIZURE").dueVariable()).isEqualTo("seizureDueAt");
		for (SuspensionRules.Event e : rules.events().values()) {
			assertThat(calendar.statuteRules().byKey()).as(e.key() + ".statute").containsKey(e.statute());
			String statuteName = calendar.statuteRules().byKey().get(e.statute()).name();
			assertThat(e.basis()).as(e.key() + ".basis names the statute " + statuteName).contains(statuteName);
			assertThat(e.basis()).as(e.key() + ".basis cites the article")
				.contains(e.article().substring(0, e.article().indexOf('条') + 1));
			// the 90 days of 行政处罚法 art. 60, or the 30 days of a seizure (行政强制法 art. 25(3))
			boolean seizure = e.period().equals("SEIZURE");
			assertThat(e.reason()).as(e.key() + ".reason: Chinese, says it does not count, cites the law")
				.contains(seizure ? "不计入查封、扣押期限" : "不计入办案期限").contains("《")
				.contains(seizure ? "第二十五条" : "第六十条");
		}
	}

	@Test
	void everyStepAndTimerNamedExistsInItsProcess() throws IOException {
		CalendarData calendar = CalendarFiles.load(Path.of("calendar"));
		SuspensionRules.Rules rules = SuspensionRules.parse(Files.readString(FILE), FILE.toString(), calendar);
		Map<String, Set<String>> activities = new HashMap<>();
		Map<String, Set<String>> boundaryTimers = new HashMap<>();
		try (var files = Files.list(Path.of("processes"))) {
			for (Path p : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(p.toFile());
				for (Process process : model.getModelElementsByType(Process.class)) {
					activities.put(process.getId(), model.getModelElementsByType(FlowNode.class).stream()
						.map(FlowNode::getId).collect(Collectors.toSet()));
					boundaryTimers.put(process.getId(), model.getModelElementsByType(BoundaryEvent.class).stream()
						.filter(b -> !b.getEventDefinitions().isEmpty() && b.getEventDefinitions().iterator().next()
							instanceof org.camunda.bpm.model.bpmn.instance.TimerEventDefinition)
						.map(BoundaryEvent::getId).collect(Collectors.toSet()));
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (SuspensionRules.Period period : rules.periods().values()) {
			assertThat(activities).as("process of period " + period.key()).containsKey(period.process());
			period.timers().stream().filter(t -> !boundaryTimers.get(period.process()).contains(t))
				.forEach(t -> missing.add(period.key() + ".timers " + t));
		}
		for (SuspensionRules.Event e : rules.events().values()) {
			Set<String> steps = activities.get(rules.periods().get(e.period()).process());
			for (String step : List.of(e.from(), e.to())) {
				if (!steps.contains(step)) {
					missing.add(e.key() + " " + step);
				}
			}
		}
		assertThat(missing).as("steps and timers named in " + FILE + " but missing from processes/").isEmpty();
	}

	@Test
	void anEventWithoutItsStatuteIsRefused() throws IOException {
		CalendarData calendar = CalendarFiles.load(Path.of("calendar"));
		String text = Files.readString(FILE);
		assertThatThrownBy(() -> SuspensionRules.parse(text.replaceFirst("(?m)^    statute: SAMR_PENALTY_PROCEDURE\\n", ""),
				"period-suspensions.yml", calendar)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("events.HEARING：缺少字段 statute");
		assertThatThrownBy(() -> SuspensionRules.parse(text.replaceFirst("statute: SAMR_PENALTY_PROCEDURE", "statute: SOME_LAW"),
				"period-suspensions.yml", calendar)).hasMessageContaining("SOME_LAW 不在 statute-day-rules.yml 中");
		assertThatThrownBy(() -> SuspensionRules.parse(text.replaceFirst("article: 第六十四条第二款", "article: 有关规定"),
				"period-suspensions.yml", calendar)).hasMessageContaining("article 应写明条款");
		// a working-day period cannot be suspended by calendar days
		assertThatThrownBy(() -> SuspensionRules.parse(text.replaceFirst("(?m)^  PENALTY_DECISION:", "  HEARING_REQUEST:")
			.replace("period: PENALTY_DECISION", "period: HEARING_REQUEST"), "period-suspensions.yml", calendar))
			.hasMessageContaining("只有按日（DAYS）计算的期限可以按天暂停");
	}
}
