package cn.zhifa.supervision;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseFileReviewItemRepository extends JpaRepository<CaseFileReviewItem, CaseFileReviewItem.Key> {

	List<CaseFileReviewItem> findByReviewNoOrderByDrawOrder(String reviewNo);
}
