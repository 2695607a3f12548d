"""What the public page and the printed certificate call things, in Chinese (first) and
English. Kinds of certificate are looked up, never assumed (a training-completion
certificate (CERT-2) only needs its own words here)."""

from anbao.certificates.v1 import certificates_pb2 as pb

LANGUAGES = ("zh", "en")

# 国家职业技能标准的等级: 五级/初级工 … 一级/高级技师
LEVELS = {
    "zh": {5: "五级/初级工", 4: "四级/中级工", 3: "三级/高级工", 2: "二级/技师", 1: "一级/高级技师"},
    "en": {5: "Level 5 (junior)", 4: "Level 4 (intermediate)", 3: "Level 3 (senior)",
           2: "Level 2 (technician)", 1: "Level 1 (senior technician)"},
}
STATUSES = {
    "zh": {pb.CERTIFICATE_STATUS_VALID: "有效", pb.CERTIFICATE_STATUS_SUSPENDED: "暂停使用",
           pb.CERTIFICATE_STATUS_REVOKED: "已撤销", pb.CERTIFICATE_STATUS_REPLACED: "已换发新证"},
    "en": {pb.CERTIFICATE_STATUS_VALID: "Valid", pb.CERTIFICATE_STATUS_SUSPENDED: "Suspended",
           pb.CERTIFICATE_STATUS_REVOKED: "Revoked", pb.CERTIFICATE_STATUS_REPLACED: "Replaced"},
}
# the CSS class that colours a status
STATUS_CLASS = {pb.CERTIFICATE_STATUS_VALID: "valid", pb.CERTIFICATE_STATUS_SUSPENDED: "suspended",
                pb.CERTIFICATE_STATUS_REVOKED: "revoked", pb.CERTIFICATE_STATUS_REPLACED: "replaced"}
REVOCATION_REASONS = {
    "zh": {pb.REVOCATION_REASON_FRAUD: "弄虚作假", pb.REVOCATION_REASON_ISSUED_IN_ERROR: "错误颁发",
           pb.REVOCATION_REASON_HOLDER_DECEASED: "持证人死亡",
           pb.REVOCATION_REASON_ORGANISATION_REVOKED: "发证机构资格被撤销",
           pb.REVOCATION_REASON_OTHER: "其他原因"},
    "en": {pb.REVOCATION_REASON_FRAUD: "fraud", pb.REVOCATION_REASON_ISSUED_IN_ERROR:
           "issued in error", pb.REVOCATION_REASON_HOLDER_DECEASED: "holder deceased",
           pb.REVOCATION_REASON_ORGANISATION_REVOKED: "issuing organisation revoked",
           pb.REVOCATION_REASON_OTHER: "other"},
}
STEPS = {
    "zh": {"well_formed": "格式完整", "proof": "签名", "key_valid": "签名密钥有效",
           "issuer_accredited": "发证机构资质", "status": "证书状态",
           "validity_period": "有效期"},
    "en": {"well_formed": "Well-formed", "proof": "Signature", "key_valid": "Signing key valid",
           "issuer_accredited": "Issuer accredited", "status": "Status",
           "validity_period": "Validity period"},
}
OUTCOMES = {
    "zh": {pb.STEP_OUTCOME_PASSED: "通过", pb.STEP_OUTCOME_FAILED: "未通过",
           pb.STEP_OUTCOME_COULD_NOT_CHECK: "无法核验", pb.STEP_OUTCOME_SKIPPED: "未执行"},
    "en": {pb.STEP_OUTCOME_PASSED: "passed", pb.STEP_OUTCOME_FAILED: "failed",
           pb.STEP_OUTCOME_COULD_NOT_CHECK: "could not check", pb.STEP_OUTCOME_SKIPPED: "skipped"},
}
OUTCOME_CLASS = {pb.STEP_OUTCOME_PASSED: "passed", pb.STEP_OUTCOME_FAILED: "failed",
                 pb.STEP_OUTCOME_COULD_NOT_CHECK: "unchecked", pb.STEP_OUTCOME_SKIPPED: "unchecked"}
GENDERS = {"zh": {1: "男", 0: "女"}, "en": {1: "male", 0: "female"}}

# the page's own sentences
TEXT = {
    "zh": {
        "title": "职业技能等级证书查询", "lead": "输入证书编号和持证人姓名，查询证书是否真实有效。",
        "number": "证书编号", "number_hint": "22 位，如 S000022000123263000001",
        "name": "持证人姓名", "submit": "查询", "switch": "English",
        "result": "查询结果", "holder": "持证人", "resident_id": "身份证号",
        "gender": "性别",
        "occupation": "职业（工种）", "level": "等级", "issue_date": "发证日期",
        "issuer": "发证机构", "status": "状态", "since": "自", "reason": "原因",
        "replaced_by": "新证书编号", "steps": "核验步骤", "step": "步骤", "outcome": "结果",
        "detail": "说明", "not_found": "未找到与该编号和姓名相符的证书。请核对后重试。",
        "not_found_title": "未找到证书",
        "too_many_title": "查询过于频繁", "too_many": "查询次数过多，请在 {seconds} 秒后（{at}）再试。",
        "bad_title": "输入有误", "again": "重新查询", "link_title": "证书核验",
        "privacy": "为保护个人信息，姓名和身份证号仅显示部分。",
        "pdf": "下载证书（PDF）", "number_short": "证书编号",
        "bad_number": "请输入 22 位证书编号（1 个大写字母加 21 位数字）。",
        "bad_name": "请输入持证人姓名（不超过 50 个字）。",
    },
    "en": {
        "title": "Vocational skill certificate lookup",
        "lead": "Enter the certificate number and the holder's name to check that the "
                "certificate is genuine and valid.",
        "number": "Certificate number", "number_hint": "22 characters, e.g. S000022000123263000001",
        "name": "Holder's name", "submit": "Look up", "switch": "中文",
        "result": "Result", "holder": "Holder", "resident_id": "Resident ID",
        "gender": "Gender",
        "occupation": "Occupation", "level": "Level", "issue_date": "Issue date",
        "issuer": "Issuing organisation", "status": "Status", "since": "since",
        "reason": "reason", "replaced_by": "New certificate number",
        "steps": "Verification steps", "step": "Step", "outcome": "Outcome", "detail": "Detail",
        "not_found": "No certificate matches this number and name. Please check them and "
                     "try again.",
        "not_found_title": "No certificate found",
        "too_many_title": "Too many lookups",
        "too_many": "Too many lookups; please try again in {seconds} seconds (at {at}).",
        "bad_title": "Please check your input", "again": "New lookup",
        "link_title": "Certificate verification",
        "privacy": "To protect personal data, the name and resident ID are partly hidden.",
        "pdf": "Download the certificate (PDF)", "number_short": "Number",
        "bad_number": "Enter the 22-character certificate number (a capital letter and "
                      "21 digits).",
        "bad_name": "Enter the holder's name (at most 50 characters).",
    },
}


def language(requested: str | None) -> str:
    return requested if requested in LANGUAGES else "zh"


def gender_of(resident_id_masked: str) -> int | None:
    """GB 11643: the 17th character is odd for men, even for women; the public mask keeps
    the last two characters, so it is still there. None when it is masked or absent."""
    if len(resident_id_masked) != 18 or not resident_id_masked[16].isdigit():
        return None
    return int(resident_id_masked[16]) % 2
