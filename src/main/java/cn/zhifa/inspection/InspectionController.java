package cn.zhifa.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Registers;

/**
 * Random-inspection plans for reading ({@code /api/inspections}, HTTP Basic or the webapps' session): the plans of the
 * user's own agency (supervisors and administrators: every agency), one plan by its number with the draw as recorded
 * and each inspection (another agency's plan is 404), and the draw redone from the record ({@code /redraw}: anybody
 * who may read the plan can check that the same seed and populations give the same targets and inspectors). Plans are
 * made, inspected and published only through the process {@code random-inspection}.
 */
@RestController
@RequestMapping("/api/inspections")
class InspectionController {

	record Row(String planNo, String agencyCode, String planName, String itemCode, String itemName, String status,
			Instant startedAt, String startedBy, int targetCount, Instant finishedAt, String processInstanceId) {

		static Row of(InspectionPlan p) {
			return new Row(p.getPlanNo(), p.getAgencyCode(), p.getPlanName(), p.getItemCode(), p.getItemName(),
					p.getStatus(), p.getStartedAt(), p.getStartedBy(), p.getTargetCount(), p.getFinishedAt(),
					p.getProcessInstanceId());
		}
	}

	record Draw(String seed, int targetCount, List<String> targetPopulation, String targetPopulationSha256,
			List<String> officerPopulation, String officerPopulationSha256, Map<String, List<String>> exclusions,
			Map<String, List<String>> drawn) {

		static Draw of(InspectionPlan p) {
			return new Draw(Long.toString(p.getDrawSeed()), p.getTargetCount(), p.targetList(), p.getTargetHash(),
					p.officerList(), p.getOfficerHash(), InspectionDraw.parseLines(p.getExclusions()),
					InspectionDraw.parseLines(p.getDrawn()));
		}
	}

	record Item(String inspectionNo, int drawOrder, String targetCode, String targetName, List<String> inspectors,
			String status, String result, String findings, String recordedBy, Instant concludedAt,
			Instant publicationDueAt, String caseNo, String publicText, Instant publishedAt, Boolean publishedOnTime) {

		static Item of(Inspection i) {
			return new Item(i.getInspectionNo(), i.getDrawOrder(), i.getTargetCode(), i.getTargetName(), i.inspectors(),
					i.getStatus(), i.getResult(), i.getFindings(), i.getRecordedBy(), i.getConcludedAt(),
					i.getPublicationDueAt(), i.getCaseNo(), i.getPublicText(), i.getPublishedAt(), i.getPublishedOnTime());
		}
	}

	record Detail(Row summary, Draw draw, List<Item> inspections) {
	}

	/** The draw redone from the record: whether it gives what was recorded. */
	record Redraw(String planNo, boolean sameAsRecorded, Map<String, List<String>> recorded, Map<String, List<String>> redone) {
	}

	private final InspectionService service;

	InspectionController(InspectionService service) {
		this.service = service;
	}

	@GetMapping
	List<Row> list() {
		CurrentUser user = CurrentUser.get();
		return service.plansOf(user.agencies(), user.isAdmin() || user.isSupervisor()).stream().map(Row::of).toList();
	}

	@GetMapping("/{planNo}")
	Detail get(@PathVariable String planNo) {
		InspectionPlan p = readable(planNo);
		return new Detail(Row.of(p), Draw.of(p), service.inspectionsOf(p.getPlanNo()).stream().map(Item::of).toList());
	}

	@GetMapping("/{planNo}/redraw")
	Redraw redraw(@PathVariable String planNo) {
		InspectionPlan p = readable(planNo);
		Map<String, List<String>> recorded = InspectionDraw.parseLines(p.getDrawn());
		Map<String, List<String>> redone = InspectionDraw.parseLines(p.redraw().drawnText());
		return new Redraw(p.getPlanNo(), recorded.equals(redone) && List.copyOf(recorded.keySet())
			.equals(List.copyOf(redone.keySet())), recorded, redone);
	}

	private InspectionPlan readable(String planNo) {
		return Registers.readable(service.plan(planNo), InspectionPlan::getAgencyCode, "planNo", planNo, "随机抽查计划");
	}
}
