package cn.zhifa.models;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import cn.zhifa.calendar.CalendarFiles;
import cn.zhifa.document.DocumentService;


/**
 * {@code verify-models DIR}: the model guard from the command line, for a legal office to check a
 * folder of models before deploying it (issue 14 §2). DIR holds {@code processes/}, {@code dmn/} and
 * {@code forms/}, and may hold {@code calendar/} and {@code templates/} (otherwise the application's
 * own copies are used). Prints every problem, exits 0 when the models may be deployed, 1 when not,
 * 2 when DIR is not a folder. Run as {@code java -jar zhifa.jar verify-models DIR}.
 */
public final class VerifyModels {

	private VerifyModels() {
	}

	public static int run(String[] args, PrintStream out) {
		if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
			out.println("用法：verify-models 模型文件夹（含 processes/、dmn/、forms/）");
			return 2;
		}
		Path dir = Path.of(args[0]);
		ModelFiles models = ModelFiles.fromDirectory(dir);
		Path calendar = dir.resolve("calendar");
		Set<String> limits = (Files.isDirectory(calendar) ? CalendarFiles.load(calendar) : CalendarFiles.loadFromClasspath())
			.limits().byKey().keySet();
		Set<String> kinds = DocumentService.kindNames(dir.resolve("templates"));
		List<ModelProblem> problems = ModelGuard.check(models.files(), new ModelGuard.Known(limits, kinds));
		problems.forEach(p -> out.println(p));
		out.println(problems.isEmpty() ? "检查通过：" + models.files().size() + " 个模型文件可以部署"
				: "检查未通过：" + problems.size() + " 个问题，未部署任何文件");
		return problems.isEmpty() ? 0 : 1;
	}
}
