package cn.zhifa.document;

import cn.zhifa.organisation.OfficerRepository;

/** The display labels of the real {@code templates/labels.yml}, for unit tests of other features. */
public final class DocumentFixtures {

	private DocumentFixtures() {
	}

	/** The labels of {@code templates/}; officers' names from {@code officers} (a stand-in). */
	public static DisplayLabels labels(OfficerRepository officers) {
		return new DisplayLabels(new DocumentTemplates("templates"), officers);
	}
}
