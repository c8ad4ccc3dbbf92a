<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <source>New</source>
        <translation>새로 만들기</translation>
    </message>
    <message>
        <source>Start an empty graph</source>
        <translation>빈 그래프로 시작합니다</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>Open a graph file</source>
        <translation>그래프 파일을 엽니다</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save the graph</source>
        <translation>그래프를 저장합니다</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Save the graph under a new name</source>
        <translation>그래프를 새 이름으로 저장합니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>마지막 편집을 취소합니다</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>▶ Forward</source>
        <translation>▶ 순전파</translation>
    </message>
    <message>
        <source>Run the whole forward pass (values)</source>
        <translation>순전파 전체를 실행합니다 (값)</translation>
    </message>
    <message>
        <source>◀ Backward</source>
        <translation>◀ 역전파</translation>
    </message>
    <message>
        <source>Run the whole backward pass (gradients)</source>
        <translation>역전파 전체를 실행합니다 (기울기)</translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation>◀ 한 단계</translation>
    </message>
    <message>
        <source>One step back (←)</source>
        <translation>한 단계 뒤로 (←)</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>한 단계 ▶</translation>
    </message>
    <message>
        <source>One step forward (→)</source>
        <translation>한 단계 앞으로 (→)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Play / pause the steps (Space)</source>
        <translation>단계를 재생 / 일시정지합니다 (Space)</translation>
    </message>
    <message>
        <source>Back to the start (Home)</source>
        <translation>처음으로 (Home)</translation>
    </message>
    <message>
        <source>To the last step (End)</source>
        <translation>마지막 단계로 (End)</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>자동 정렬</translation>
    </message>
    <message>
        <source>Lay the graph out again, left to right</source>
        <translation>그래프를 왼쪽에서 오른쪽으로 다시 정렬합니다</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>화면에 맞춤</translation>
    </message>
    <message>
        <source>Fit the graph to the window</source>
        <translation>그래프를 창 크기에 맞춥니다</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Export the view as PNG or SVG</source>
        <translation>화면을 PNG 또는 SVG로 내보냅니다</translation>
    </message>
    <message>
        <source>Check numerically</source>
        <translation>수치 미분 확인</translation>
    </message>
    <message>
        <source>Compare every gradient with central differences; mark nodes that disagree</source>
        <translation>모든 기울기를 중심 차분으로 구한 값과 비교하고, 맞지 않는 노드를 표시합니다</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>퀴즈</translation>
    </message>
    <message>
        <source>Quiz mode: predict each gradient, then reveal it</source>
        <translation>퀴즈 모드: 기울기를 먼저 예측한 뒤 답을 확인합니다</translation>
    </message>
    <message>
        <source>Collapse layers</source>
        <translation>층 접기</translation>
    </message>
    <message>
        <source>Draw each Dense layer as one box (double-click a layer to open or close it)</source>
        <translation>Dense 층마다 상자 하나로 그립니다 (층을 더블클릭하면 열고 닫습니다)</translation>
    </message>
    <message>
        <source>Expand layers</source>
        <translation>층 펼치기</translation>
    </message>
    <message>
        <source>Show the nodes inside every Dense layer</source>
        <translation>모든 Dense 층 안의 노드를 보여 줍니다</translation>
    </message>
    <message>
        <source>Step layers whole</source>
        <translation>층 단위로 진행</translation>
    </message>
    <message>
        <source>Stepping treats a collapsed layer as one step (off: it steps through its nodes)</source>
        <translation>접힌 층을 한 단계로 진행합니다 (끄면 층 안의 노드를 하나씩 진행합니다)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>value {stats}</source>
        <translation>값 {stats}</translation>
    </message>
    <message>
        <source>grad {stats}</source>
        <translation>기울기 {stats}</translation>
    </message>
    <message>
        <source>output of {name}</source>
        <translation>{name}의 출력</translation>
    </message>
    <message>
        <source>input port {name}</source>
        <translation>입력 포트 {name}</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Dense</translation>
    </message>
    <message>
        <source>Dense {units}</source>
        <translation>Dense {units}</translation>
    </message>
    <message>
        <source>{head}, {act} in the loss</source>
        <translation>{head}, 손실 안의 {act}</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>numpy</source>
        <translation>numpy</translation>
    </message>
    <message>
        <source>The graph as numpy: one line per node and per gradient; the current step&apos;s lines are highlighted, a click on a line goes to its step</source>
        <translation>그래프를 numpy 코드로 씁니다: 노드마다, 기울기마다 한 줄입니다. 현재 단계의 줄이 강조되고, 줄을 클릭하면 그 단계로 갑니다</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>코드를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save a runnable script that checks every value and gradient</source>
        <translation>모든 값과 기울기를 확인하는, 실행할 수 있는 스크립트를 저장합니다</translation>
    </message>
    <message>
        <source>no code: the graph has no output</source>
        <translation>코드 없음: 그래프에 출력이 없습니다</translation>
    </message>
    <message>
        <source>the graph has no output node</source>
        <translation>그래프에 출력 노드가 없습니다</translation>
    </message>
    <message>
        <source>no code yet: {why}</source>
        <translation>아직 코드가 없습니다: {why}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Reset weights is for one run: Compare… again starts the pair afresh.</source>
        <translation>가중치 초기화는 실행 하나에만 쓸 수 있습니다: 두 실행을 처음부터 다시 하려면 비교…를 다시 누르세요.</translation>
    </message>
    <message>
        <source>step {step}   loss {loss}</source>
        <translation>스텝 {step}   손실 {loss}</translation>
    </message>
    <message>
        <source>accuracy {acc}</source>
        <translation>정확도 {acc}</translation>
    </message>
    <message>
        <source>SGD vs Adam (same learning rate)</source>
        <translation>SGD 대 Adam (같은 학습률)</translation>
    </message>
    <message>
        <source>dropout 0 vs 0.3</source>
        <translation>드롭아웃 0 대 0.3</translation>
    </message>
    <message>
        <source>ReLU vs sigmoid</source>
        <translation>ReLU 대 sigmoid</translation>
    </message>
    <message>
        <source>L2 off vs on (0.01)</source>
        <translation>L2 없음 대 있음 (0.01)</translation>
    </message>
    <message>
        <source>dropout {rate}</source>
        <translation>드롭아웃 {rate}</translation>
    </message>
    <message>
        <source>L2 {rate}</source>
        <translation>L2 {rate}</translation>
    </message>
    <message>
        <source>no L2</source>
        <translation>L2 없음</translation>
    </message>
    <message>
        <source>Stop the run first, then Compare…</source>
        <translation>먼저 실행을 중지한 다음 비교…를 누르세요</translation>
    </message>
    <message>
        <source>Compare… trains two models of the MLP builder (choose “MLP builder” as the model)</source>
        <translation>비교…는 MLP 만들기 모델 두 개를 학습합니다 (모델에서 “MLP 만들기”를 고르세요)</translation>
    </message>
    <message>
        <source>A / B</source>
        <translation>A / B</translation>
    </message>
    <message>
        <source>Paired run: {a} and {b}, the same seed and data, trained step for step.</source>
        <translation>나란히 실행: {a}와(과) {b}, 시드와 데이터는 같고 스텝마다 함께 학습합니다.</translation>
    </message>
    <message>
        <source>at step {k}</source>
        <translation>스텝 {k}에서</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>confusion matrix (validation)</source>
        <translation>오차 행렬 (검증)</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <source>Train with a validation split to see which classes get mixed up.</source>
        <translation>검증 세트를 떼어 두고 학습하면 어떤 클래스끼리 헷갈리는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>regression: MSE. A regression predicts a number, not a class: there is no confusion matrix (the loss curves show the MSE).</source>
        <translation>회귀: MSE. 회귀는 클래스가 아니라 수를 예측하므로 오차 행렬이 없습니다 (손실 곡선이 MSE를 보여 줍니다).</translation>
    </message>
    <message>
        <source>No validation split: set one above 0 to see the matrix.</source>
        <translation>검증 세트가 없습니다: 행렬을 보려면 검증 비율을 0보다 크게 하세요.</translation>
    </message>
    <message>
        <source>{n} validation samples; filled after each epoch.</source>
        <translation>검증 샘플 {n}개, 에포크가 끝날 때마다 채웁니다.</translation>
    </message>
    <message>
        <source>The network&apos;s outputs are not finite numbers with these weights (they have grown too large): no matrix.</source>
        <translation>이 가중치에서는 신경망의 출력이 유한한 수가 아닙니다 (너무 커졌습니다): 행렬을 그릴 수 없습니다.</translation>
    </message>
    <message>
        <source>after step {step}: </source>
        <translation>{step}번째 스텝 후: </translation>
    </message>
    <message>
        <source>after epoch {epoch}: </source>
        <translation>{epoch}번째 에포크 후: </translation>
    </message>
    <message>
        <source>{right} of {total} validation samples right ({share}%).</source>
        <translation>검증 샘플 {total}개 중 {right}개를 맞혔습니다 ({share}%).</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>the graph has no output node</source>
        <translation>그래프에 출력 노드가 없습니다</translation>
    </message>
    <message>
        <source>cannot step: {why}</source>
        <translation>진행할 수 없습니다: {why}</translation>
    </message>
</context>
<context>
    <name>Curves</name>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Smoothing of the per-batch curves (exponential moving average, as in TensorBoard); 0 shows the raw values</source>
        <translation>배치별 곡선의 평활화 (TensorBoard처럼 지수 이동 평균); 0이면 원래 값을 보여 줍니다</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>손실 로그 축</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>손실을 로그 축으로 보여 줍니다</translation>
    </message>
    <message>
        <source>Save the curves as a PNG image</source>
        <translation>곡선을 PNG 이미지로 저장합니다</translation>
    </message>
    <message>
        <source>Save the numbers behind the curves as CSV</source>
        <translation>곡선의 수치를 CSV로 저장합니다</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>평활화</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>train (batch, smoothed)</source>
        <translation>훈련 (배치, 평활화)</translation>
    </message>
    <message>
        <source>train (epoch)</source>
        <translation>훈련 (에포크)</translation>
    </message>
    <message>
        <source>validation (epoch)</source>
        <translation>검증 (에포크)</translation>
    </message>
    <message>
        <source>previous run</source>
        <translation>이전 실행</translation>
    </message>
    <message>
        <source>step {step}  (epoch {epoch}):  {metric} {raw}  smoothed {smoothed}</source>
        <translation>스텝 {step}  (에포크 {epoch}):  {metric} {raw}  평활화 {smoothed}</translation>
    </message>
    <message>
        <source>   validation at epoch end {value}</source>
        <translation>   에포크 끝 검증 {value}</translation>
    </message>
    <message>
        <source>Save curves as PNG</source>
        <translation>곡선을 PNG로 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Save curves as CSV</source>
        <translation>곡선을 CSV로 저장</translation>
    </message>
    <message>
        <source>Saved the curves to {path}</source>
        <translation>곡선을 저장했습니다: {path}</translation>
    </message>
    <message>
        <source>Saved {n} steps to {path}</source>
        <translation>{n}개 스텝을 저장했습니다: {path}</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>{port} was fed by {old}; now by {new}</source>
        <translation>{port}: 이제 {old} 대신 {new}에서 입력을 받습니다</translation>
    </message>
    <message>
        <source>Connected {src} → {port}</source>
        <translation>연결했습니다: {src} → {port}</translation>
    </message>
    <message>
        <source>cannot use this value: {why}</source>
        <translation>이 값은 쓸 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>the clipboard does not hold graphviz-nn nodes</source>
        <translation>클립보드에 graphviz-nn 노드가 없습니다</translation>
    </message>
    <message>
        <source>not pasted: {what} (and {n} more)</source>
        <translation>붙여 넣지 못했습니다: {what} (외 {n}개)</translation>
    </message>
    <message>
        <source>not pasted: {what}</source>
        <translation>붙여 넣지 못했습니다: {what}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected nodes and wires</source>
        <translation>선택한 노드와 연결선을 삭제합니다</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes with their inner wires</source>
        <translation>선택한 노드를 그 사이의 연결선과 함께 복제합니다</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>잘라내기</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>선택한 노드를 잘라냅니다</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>선택한 노드를 복사합니다</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Paste nodes (also from another window)</source>
        <translation>노드를 붙여 넣습니다 (다른 창에서 복사한 것도)</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Select every node</source>
        <translation>모든 노드를 선택합니다</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Rename the selected node (or double-click it)</source>
        <translation>선택한 노드의 이름을 바꿉니다 (노드를 더블클릭해도 됩니다)</translation>
    </message>
    <message>
        <source>Add node…</source>
        <translation>노드 추가…</translation>
    </message>
    <message>
        <source>Search an op and add it at the mouse (Tab)</source>
        <translation>연산을 찾아 마우스 위치에 추가합니다 (Tab)</translation>
    </message>
    <message>
        <source>Auto-run</source>
        <translation>자동 실행</translation>
    </message>
    <message>
        <source>Re-run forward and backward after every edit</source>
        <translation>편집할 때마다 순전파와 역전파를 다시 실행합니다</translation>
    </message>
    <message>
        <source>Build MLP…</source>
        <translation>MLP 만들기…</translation>
    </message>
    <message>
        <source>Generate a multi-layer perceptron graph</source>
        <translation>다층 퍼셉트론(MLP) 그래프를 만듭니다</translation>
    </message>
    <message>
        <source>Nothing selected to delete</source>
        <translation>삭제할 것을 선택하지 않았습니다</translation>
    </message>
    <message>
        <source>Select nodes to copy</source>
        <translation>복사할 노드를 선택하세요</translation>
    </message>
    <message>
        <source>Copied {n} nodes</source>
        <translation>노드 {n}개를 복사했습니다</translation>
    </message>
    <message>
        <source>Copied 1 node</source>
        <translation>노드 1개를 복사했습니다</translation>
    </message>
    <message>
        <source>The clipboard holds no graphviz-nn nodes</source>
        <translation>클립보드에 graphviz-nn 노드가 없습니다</translation>
    </message>
    <message>
        <source>Rename node</source>
        <translation>노드 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <source>Select one node to rename</source>
        <translation>이름을 바꿀 노드를 하나만 선택하세요</translation>
    </message>
    <message>
        <source>Differentiate this (set as output)</source>
        <translation>이 노드로 미분 (출력으로 지정)</translation>
    </message>
    <message>
        <source>Unchecked: the graph&apos;s end is differentiated</source>
        <translation>해제하면 그래프의 끝 노드를 미분합니다</translation>
    </message>
    <message>
        <source>Wire removed</source>
        <translation>연결선을 지웠습니다</translation>
    </message>
    <message>
        <source>Wire cancelled: release it on a port to connect</source>
        <translation>연결을 취소했습니다: 연결하려면 포트 위에서 놓으세요</translation>
    </message>
    <message>
        <source>Added {name}; drag from its right-hand port to wire it</source>
        <translation>{name} 추가: 오른쪽 포트에서 끌어 연결하세요</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>no value set</source>
        <translation>값이 설정되지 않음</translation>
    </message>
    <message>
        <source>missing input on port {port}</source>
        <translation>포트 {port}에 입력 없음</translation>
    </message>
    <message>
        <source>input {name!r} on port {port} has no value</source>
        <translation>포트 {port}의 입력 {name!r}에 값이 없음</translation>
    </message>
    <message>
        <source>not computed: this forward pass already made {made} numbers (at most {limit})</source>
        <translation>계산하지 않음: 이번 순전파에서 이미 수 {made}개를 만들었습니다 (최대 {limit}개)</translation>
    </message>
    <message>
        <source>the result would hold {size} numbers (shape {shape}); one value holds at most {limit}</source>
        <translation>결과가 수 {size}개가 됩니다 (모양 {shape}). 값 하나에는 최대 {limit}개까지 담을 수 있습니다</translation>
    </message>
    <message>
        <source>shape mismatch: {a} {symbol} {b}</source>
        <translation>모양 불일치: {a} {symbol} {b}</translation>
    </message>
    <message>
        <source>shape mismatch: {port_a} {a}, {port_b} {b} ({detail})</source>
        <translation>모양 불일치: {port_a} {a}, {port_b} {b} ({detail})</translation>
    </message>
    <message>
        <source>{op} cannot take shape {shape}: {detail}</source>
        <translation>{op}에 모양 {shape}을(를) 넣을 수 없음: {detail}</translation>
    </message>
    <message>
        <source>{op} failed: {detail}</source>
        <translation>{op} 계산 실패: {detail}</translation>
    </message>
    <message>
        <source>cannot run backward: {name!r} has an unconnected port</source>
        <translation>역전파를 실행할 수 없습니다: {name!r}에 연결되지 않은 포트가 있습니다</translation>
    </message>
    <message>
        <source>cannot run backward: {name!r} has no value; run forward first</source>
        <translation>역전파를 실행할 수 없습니다: {name!r}에 값이 없습니다. 먼저 순전파를 실행하세요</translation>
    </message>
    <message>
        <source>cannot run backward: {name!r} has no value ({why})</source>
        <translation>역전파를 실행할 수 없습니다: {name!r}에 값이 없습니다 ({why})</translation>
    </message>
    <message>
        <source>cannot trace {name}: {why}</source>
        <translation>{name}을(를) 추적할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>값 없음</translation>
    </message>
    <message>
        <source>labels must have shape ({n},) for logits {logits}, got {shape}</source>
        <translation>레이블 오류: logits {logits}에는 모양 ({n},)의 레이블이 필요한데, 모양이 {shape}입니다</translation>
    </message>
    <message>
        <source>labels must be integer class indices</source>
        <translation>레이블 오류: 레이블은 정수 클래스 번호여야 합니다</translation>
    </message>
    <message>
        <source>labels must be between 0 and {top} (logits have {classes} classes)</source>
        <translation>레이블 오류: 레이블은 0부터 {top} 사이여야 합니다 (logits의 클래스는 {classes}개)</translation>
    </message>
    <message>
        <source>logits of shape {logits} are one sample: the label must be one integer, got shape {shape}</source>
        <translation>레이블 오류: 모양이 {logits}인 logits는 샘플 하나이므로 레이블은 정수 하나여야 하는데, 모양이 {shape}입니다</translation>
    </message>
    <message>
        <source>logits must be (batch, classes), got shape {shape}</source>
        <translation>logits 오류: 모양이 (배치, 클래스)여야 하는데 {shape}입니다</translation>
    </message>
    <message>
        <source> ({bad} of {size} numbers)</source>
        <translation> (수 {size}개 중 {bad}개)</translation>
    </message>
    <message>
        <source>{max}, the largest {dtype}</source>
        <translation>{max}({dtype}의 최댓값)</translation>
    </message>
    <message>
        <source>{value}{count}</source>
        <translation>{value}{count}</translation>
    </message>
    <message>
        <source>this value holds {kind}{count}</source>
        <translation>이 값에 들어 있음: {kind}{count}</translation>
    </message>
    <message>
        <source>log of a negative number gives nan (log({x}))</source>
        <translation>음수의 log는 nan (log({x}))</translation>
    </message>
    <message>
        <source>log of 0 gives -inf</source>
        <translation>0의 log는 -inf</translation>
    </message>
    <message>
        <source>exp overflowed to inf: exp({x}) is above {big}</source>
        <translation>exp가 넘침 → inf: exp({x})는 {big}보다 큽니다</translation>
    </message>
    <message>
        <source>0 / 0 gives nan</source>
        <translation>0 / 0은 nan</translation>
    </message>
    <message>
        <source>division by 0 gives {kind}</source>
        <translation>0으로 나누면 {kind}</translation>
    </message>
    <message>
        <source>the division overflowed to {kind}: the quotient is beyond ±{big}</source>
        <translation>나눗셈이 넘침 → {kind}: 몫이 ±{big}을 벗어납니다</translation>
    </message>
    <message>
        <source>a negative number to the power {p} gives nan (({x}) ** {p})</source>
        <translation>음수의 {p} 거듭제곱은 nan (({x}) ** {p})</translation>
    </message>
    <message>
        <source>0 to a negative power ({p}) gives inf</source>
        <translation>0의 음수 거듭제곱({p})은 inf</translation>
    </message>
    <message>
        <source>the power overflowed to {kind}: x ** {p} is beyond ±{big}</source>
        <translation>거듭제곱이 넘침 → {kind}: x ** {p}의 값이 ±{big}을 벗어납니다</translation>
    </message>
    <message>
        <source>the sum</source>
        <translation>합</translation>
    </message>
    <message>
        <source>the difference</source>
        <translation>차</translation>
    </message>
    <message>
        <source>the product</source>
        <translation>곱</translation>
    </message>
    <message>
        <source>the matrix product</source>
        <translation>행렬 곱</translation>
    </message>
    <message>
        <source>the sum for the mean</source>
        <translation>평균을 위한 합</translation>
    </message>
    <message>
        <source>the squared error</source>
        <translation>제곱 오차</translation>
    </message>
    <message>
        <source>{what} overflowed: numbers beyond ±{big} became inf, and inf − inf gives nan</source>
        <translation>{what} 계산에서 넘침: ±{big}을 벗어난 수가 inf가 되었고, inf − inf는 nan입니다</translation>
    </message>
    <message>
        <source>{what} overflowed to {kind}: it is beyond ±{big}</source>
        <translation>{what} 계산에서 넘침 → {kind}: ±{big}을 벗어납니다</translation>
    </message>
    <message>
        <source>{op} gave {kind} from finite inputs (a number beyond ±{big})</source>
        <translation>{op}: 입력은 유한한데 결과가 {kind} (±{big}을 벗어난 수)</translation>
    </message>
    <message>
        <source>gradient became {kind} here: the gradients arriving add up to more than the largest {dtype}</source>
        <translation>여기서 기울기 → {kind}: 들어온 기울기를 더하면 {dtype}의 최댓값보다 큽니다</translation>
    </message>
    <message>
        <source>gradient became {kind} here (sent to {name}): the local derivative {rule} is {local_kind} at {name} = {at}</source>
        <translation>여기서 기울기 → {kind} ({name}에 보냄): local gradient {rule}의 값이 {name} = {at}에서 {local_kind}입니다</translation>
    </message>
    <message>
        <source>gradient became {kind} here (sent to {name}): upstream × local {rule} overflowed{count}</source>
        <translation>여기서 기울기 → {kind} ({name}에 보냄): upstream × local {rule}에서 넘침{count}</translation>
    </message>
    <message>
        <source>{value}; {grad}</source>
        <translation>{value}; {grad}</translation>
    </message>
    <message>
        <source>connecting {src} → {dst} would make a cycle</source>
        <translation>{src} → {dst} 연결하면 순환이 생깁니다</translation>
    </message>
    <message>
        <source>a node needs a non-empty name</source>
        <translation>노드 이름은 비워 둘 수 없습니다</translation>
    </message>
    <message>
        <source>a node name has at most {limit} characters, not {length}</source>
        <translation>노드 이름은 최대 {limit}자입니다 ({length}자를 입력했습니다)</translation>
    </message>
    <message>
        <source>a node name cannot hold the control character {char}</source>
        <translation>노드 이름에는 제어 문자를 쓸 수 없습니다: {char}</translation>
    </message>
    <message>
        <source>a node name cannot hold a broken character (lone surrogate {char})</source>
        <translation>노드 이름에 깨진 문자가 있습니다 (짝 없는 서로게이트 {char})</translation>
    </message>
    <message>
        <source>there is already a node named {name!r}</source>
        <translation>이름이 {name!r}인 노드가 이미 있습니다</translation>
    </message>
    <message>
        <source>{name} is computed by {op}; only leaves take a value</source>
        <translation>{name}은(는) {op} 연산으로 계산되는 노드입니다. 값은 입력 노드(input, param, const)에만 넣을 수 있습니다</translation>
    </message>
    <message>
        <source>value is not a rectangular array of numbers ({detail})</source>
        <translation>값이 직사각형 모양의 수 배열이 아닙니다 ({detail})</translation>
    </message>
    <message>
        <source>value must be numbers, got {dtype} data</source>
        <translation>값은 수여야 하는데, {dtype} 데이터입니다</translation>
    </message>
    <message>
        <source>{op}: {detail}</source>
        <translation>{op}: {detail}</translation>
    </message>
    <message>
        <source>alpha must be a finite number, not {value}</source>
        <translation>alpha는 유한한 수여야 합니다 ({value}은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>softmax needs one integer axis, not {value}</source>
        <translation>softmax에는 정수 축 하나가 필요합니다 ({value}은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>the exponent p must be a finite number, not {value}</source>
        <translation>지수 p는 유한한 수여야 합니다 ({value}은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>dropout p must be a number in [0, 1), not {value}</source>
        <translation>드롭아웃 p는 [0, 1) 범위의 수여야 합니다 ({value}은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>axis {axis} is out of range for a {ndim}-D input</source>
        <translation>축 {axis}: {ndim}차원 입력의 범위를 벗어납니다</translation>
    </message>
    <message>
        <source>axis must be None, an integer or a list of integers, not {value}</source>
        <translation>축은 None, 정수, 정수 리스트 중 하나여야 합니다 ({value}은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>matmul needs at least 1-D operands</source>
        <translation>matmul에는 1차원 이상의 피연산자가 필요합니다</translation>
    </message>
    <message>
        <source>{name} ({op}) has {have}; there is no port {port}</source>
        <translation>{name} ({op})의 포트는 {have}입니다. 포트 {port}: 없는 포트입니다</translation>
    </message>
    <message>
        <source>no input ports</source>
        <translation>입력 포트 없음</translation>
    </message>
    <message>
        <source>the expression must be text</source>
        <translation>식은 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>the expression is too long (over {limit} characters)</source>
        <translation>식이 너무 깁니다 ({limit}자 초과)</translation>
    </message>
    <message>
        <source>write an expression such as f = (x + y) * z</source>
        <translation>f = (x + y) * z 같은 식을 입력하세요</translation>
    </message>
    <message>
        <source>value given for {name!r}, which the expression never uses</source>
        <translation>{name!r}의 값이 주어졌지만 식에서 쓰이지 않습니다</translation>
    </message>
    <message>
        <source>the expression contains the control character {char} at {where}</source>
        <translation>식의 {where}에 제어 문자가 있습니다: {char}</translation>
    </message>
    <message>
        <source>the expression contains a broken character (lone surrogate {char}) at {where}</source>
        <translation>식의 {where}에 깨진 문자가 있습니다 (짝 없는 서로게이트 {char})</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>{line}행 {column}열</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>{column}열</translation>
    </message>
    <message>
        <source>syntax error{where}: {detail}</source>
        <translation>문법 오류{where}: {detail}</translation>
    </message>
    <message>
        <source> (column {column})</source>
        <translation> ({column}열)</translation>
    </message>
    <message>
        <source> at {where}</source>
        <translation> ({where})</translation>
    </message>
    <message>
        <source>the expression is nested too deeply</source>
        <translation>식이 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>the expression cannot be read: {detail}</source>
        <translation>식을 읽을 수 없습니다: {detail}</translation>
    </message>
    <message>
        <source>not allowed in an expression: {what}{where}</source>
        <translation>식에서 쓸 수 없습니다: {what}{where}</translation>
    </message>
    <message>
        <source>{name!r} is assigned twice or is already a variable</source>
        <translation>{name!r}에 두 번 대입했거나, 이미 변수로 쓰인 이름입니다</translation>
    </message>
    <message>
        <source>{name!r} is used in its own definition; give the result another name</source>
        <translation>{name!r}을(를) 자기 정의 안에서 썼습니다. 결과에 다른 이름을 붙이세요</translation>
    </message>
    <message>
        <source>the number {number} is too large (the largest is about 1.8e308) at column {column}</source>
        <translation>{column}열의 수 {number}: 너무 큽니다 (최댓값은 약 1.8e308)</translation>
    </message>
    <message>
        <source>axis must be a whole number, not {number} (column {column})</source>
        <translation>축은 정수여야 합니다 ({number}은(는) 안 됩니다, {column}열)</translation>
    </message>
    <message>
        <source>{op} takes 1 argument, got {got}</source>
        <translation>{op}의 인자는 1개인데, {got}개를 넣었습니다</translation>
    </message>
    <message>
        <source>{op} takes {n} arguments, got {got}</source>
        <translation>{op}의 인자는 {n}개인데, {got}개를 넣었습니다</translation>
    </message>
    <message>
        <source>{op} has no option {option!r}</source>
        <translation>{op}에는 {option!r} 옵션이 없습니다</translation>
    </message>
    <message>
        <source>assigning to anything but one name</source>
        <translation>이름 하나가 아닌 것에 대입</translation>
    </message>
    <message>
        <source>attribute access</source>
        <translation>속성 접근</translation>
    </message>
    <message>
        <source>indexing</source>
        <translation>인덱싱</translation>
    </message>
    <message>
        <source>lambdas</source>
        <translation>람다</translation>
    </message>
    <message>
        <source>imports</source>
        <translation>import</translation>
    </message>
    <message>
        <source>comparisons</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>and/or</source>
        <translation>and/or</translation>
    </message>
    <message>
        <source>if-expressions</source>
        <translation>if 식</translation>
    </message>
    <message>
        <source>lists</source>
        <translation>리스트</translation>
    </message>
    <message>
        <source>tuples</source>
        <translation>튜플</translation>
    </message>
    <message>
        <source>dicts</source>
        <translation>딕셔너리</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>집합</translation>
    </message>
    <message>
        <source>comprehensions</source>
        <translation>컴프리헨션</translation>
    </message>
    <message>
        <source>f-strings</source>
        <translation>f-문자열</translation>
    </message>
    <message>
        <source>* arguments</source>
        <translation>* 인자</translation>
    </message>
    <message>
        <source>the operator {name}</source>
        <translation>연산자 {name}</translation>
    </message>
    <message>
        <source>the constant {value}</source>
        <translation>상수 {value}</translation>
    </message>
    <message>
        <source>calling {name}</source>
        <translation>{name} 호출</translation>
    </message>
    <message>
        <source>calling that</source>
        <translation>그런 호출</translation>
    </message>
    <message>
        <source>an exponent that is not a number</source>
        <translation>수가 아닌 지수</translation>
    </message>
    <message>
        <source>a {key} that is not a number</source>
        <translation>수가 아닌 {key}</translation>
    </message>
    <message>
        <source>layer sizes must be whole numbers separated by commas, like 64,64; {part!r} is not</source>
        <translation>층 크기는 64,64처럼 쉼표로 구분한 정수여야 합니다. {part!r}은(는) 정수가 아닙니다</translation>
    </message>
    <message>
        <source>layer size {size} is out of range (1 to {limit})</source>
        <translation>층 크기 {size}: 범위(1~{limit})를 벗어났습니다</translation>
    </message>
    <message>
        <source>{path}: {detail}</source>
        <translation>{path}: {detail}</translation>
    </message>
    <message>
        <source>cannot read {path}: {detail}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {detail}</translation>
    </message>
    <message>
        <source>cannot read {path}: not a regular file</source>
        <translation>{path}을(를) 읽을 수 없습니다: 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{path} is too large for a graph file (more than {limit})</source>
        <translation>{path}은(는) 그래프 파일로 쓰기에 너무 큽니다 ({limit} 초과)</translation>
    </message>
    <message>
        <source>{path} is not a graph file (not UTF-8 text: byte {byte} at position {position})</source>
        <translation>{path}은(는) 그래프 파일이 아닙니다 (UTF-8 텍스트가 아님: 위치 {position}의 바이트 {byte})</translation>
    </message>
    <message>
        <source>{path} is not a graph file (broken or truncated JSON at line {line}, column {column}: {detail})</source>
        <translation>{path}은(는) 그래프 파일이 아닙니다 (JSON이 깨졌거나 잘렸습니다: {line}행 {column}열, {detail})</translation>
    </message>
    <message>
        <source>{path} is not a graph file (nested too deeply)</source>
        <translation>{path}은(는) 그래프 파일이 아닙니다 (너무 깊게 중첩됨)</translation>
    </message>
    <message>
        <source>{path} is not a graph file ({detail})</source>
        <translation>{path}은(는) 그래프 파일이 아닙니다 ({detail})</translation>
    </message>
    <message>
        <source>{path} is too big for a graph file: it holds {count} JSON objects and lists, and a graph file (at most {nodes} nodes) holds at most {limit}</source>
        <translation>{path}은(는) 그래프 파일로 쓰기에 너무 큽니다: JSON 객체와 리스트가 {count}개인데, 그래프 파일(노드 최대 {nodes}개)에는 최대 {limit}개까지 들어갑니다</translation>
    </message>
    <message>
        <source>{path} holds too many numbers for a graph file ({count} items; at most {limit})</source>
        <translation>{path}에는 그래프 파일로 쓰기에 수가 너무 많습니다 (항목 {count}개, 최대 {limit}개)</translation>
    </message>
    <message>
        <source>not a graph file: the top level must be a JSON object</source>
        <translation>그래프 파일이 아닙니다: 최상위가 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>not a graph file: format is {format}, expected {expected!r}</source>
        <translation>그래프 파일이 아닙니다: 형식이 {format}입니다 ({expected!r}여야 합니다)</translation>
    </message>
    <message>
        <source>not a graph file: version must be an integer</source>
        <translation>그래프 파일이 아닙니다: 버전은 정수여야 합니다</translation>
    </message>
    <message>
        <source>this file was written by a newer graphviz-nn (format version {version}; this version reads up to {known})</source>
        <translation>더 새로운 graphviz-nn에서 만든 파일입니다 (형식 버전 {version}, 이 버전은 {known}까지 읽습니다)</translation>
    </message>
    <message>
        <source>far above {version}</source>
        <translation>{version}보다 훨씬 큼</translation>
    </message>
    <message>
        <source>node {number}</source>
        <translation>노드 {number}</translation>
    </message>
    <message>
        <source>node {number} ({name})</source>
        <translation>노드 {number} ({name})</translation>
    </message>
    <message>
        <source>edge {number}</source>
        <translation>엣지 {number}</translation>
    </message>
    <message>
        <source>unknown format version {version}</source>
        <translation>알 수 없는 형식 버전 {version}</translation>
    </message>
    <message>
        <source>the graph has {count} nodes; a graph file holds at most {limit}</source>
        <translation>그래프의 노드가 {count}개입니다. 그래프 파일에는 최대 {limit}개까지 들어갑니다</translation>
    </message>
    <message>
        <source>the graph&apos;s values hold {count} numbers; a graph file holds at most {limit}</source>
        <translation>그래프의 값에 수가 {count}개 있습니다. 그래프 파일에는 최대 {limit}개까지 들어갑니다</translation>
    </message>
    <message>
        <source>the graph would make a {size} MiB file; a graph file holds at most {limit} MiB</source>
        <translation>그래프를 저장하면 {size} MiB 파일이 됩니다. 그래프 파일은 최대 {limit} MiB입니다</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>The first graph of CS231n lecture 4. Forward: q = x + y = 3, f = q · z = -12. Backward from ∂f/∂f = 1: the multiply gate swaps its inputs (∂f/∂q = z = -4, ∂f/∂z = q = 3), and the add gate hands its upstream gradient unchanged to both inputs (∂f/∂x = ∂f/∂y = -4). Each gate only knows its local derivative; the chain rule multiplies it by the upstream gradient.</source>
        <translation>CS231n 4강의 첫 번째 계산 그래프입니다. 순전파: q = x + y = 3, f = q · z = -12. 역전파는 ∂f/∂f = 1에서 시작합니다. 곱셈 게이트는 입력을 서로 바꿔 곱하고 (∂f/∂q = z = -4, ∂f/∂z = q = 3), 덧셈 게이트는 upstream gradient를 그대로 두 입력에 나눠 줍니다 (∂f/∂x = ∂f/∂y = -4). 각 게이트는 자신의 local gradient만 알고, 연쇄 법칙이 이를 upstream gradient와 곱합니다.</translation>
    </message>
    <message>
        <source>A sigmoid neuron</source>
        <translation>sigmoid 뉴런</translation>
    </message>
    <message>
        <source>CS231n&apos;s neuron f = σ(w0·x0 + w1·x1 + w2) with w = (2, -3, -3), x = (-1, -2). The sum is 1, σ(1) = 0.73. The sigmoid&apos;s local derivative is σ(1 - σ) = 0.2, which every weight&apos;s gradient then shares: the add gates distribute it, the multiply gates scale it by the other input.</source>
        <translation>CS231n의 뉴런 f = σ(w0·x0 + w1·x1 + w2)이고, w = (2, -3, -3), x = (-1, -2)입니다. 합은 1이고 σ(1) = 0.73입니다. sigmoid의 local gradient는 σ(1 - σ) = 0.2이며, 모든 가중치의 기울기가 이 값을 나눠 갖습니다: 덧셈 게이트는 그대로 나눠 주고, 곱셈 게이트는 다른 입력을 곱합니다.</translation>
    </message>
    <message>
        <source>Softmax of [1, 2, 0]</source>
        <translation>[1, 2, 0]의 softmax</translation>
    </message>
    <message>
        <source>The lecture&apos;s softmax: exponentiate the scores and divide by their sum, giving the probabilities [0.245, 0.665, 0.09]. Here the output is the probability of class 1. Its gradient with respect to the scores is p1·(1 - p1) for its own score and -p1·pj for the others: raising one score lowers every other probability.</source>
        <translation>강의의 softmax입니다: 점수에 지수 함수를 씌우고 그 합으로 나누면 확률 [0.245, 0.665, 0.09]가 됩니다. 여기서 출력은 클래스 1의 확률입니다. 점수에 대한 기울기는 자기 점수에 대해 p1·(1 - p1), 다른 점수에 대해 -p1·pj입니다: 한 점수를 올리면 나머지 확률은 모두 내려갑니다.</translation>
    </message>
    <message>
        <source>Why a non-linearity (1): two linear layers</source>
        <translation>비선형 함수가 필요한 이유 (1): 선형 층 두 개</translation>
    </message>
    <message>
        <source>Seed 001: a×4+2 = b, then b×3-5 = c is the same as a×12+1 = c, one linear layer. The graph computes both and their difference: it is 0 for every a, and its gradient with respect to a is 12 - 12 = 0. Stacking linear layers adds nothing.</source>
        <translation>강의 노트 001: a×4+2 = b 다음 b×3-5 = c는 a×12+1 = c, 곧 선형 층 하나와 같습니다. 그래프는 두 식과 그 차이를 계산합니다: 차이는 어떤 a에서도 0이고, a에 대한 기울기도 12 - 12 = 0입니다. 선형 층을 쌓아도 달라지는 것이 없습니다.</translation>
    </message>
    <message>
        <source>Why a non-linearity (2): with log between</source>
        <translation>비선형 함수가 필요한 이유 (2): 사이에 log</translation>
    </message>
    <message>
        <source>The same two layers with log(b) between them. Now c = 3·log(4a+2) - 5 is no longer a straight line: its slope ∂c/∂a = 3 · (1/b) · 4 changes with a. Step backward and watch the log gate&apos;s local derivative 1/b.</source>
        <translation>같은 두 층 사이에 log(b)를 넣었습니다. 이제 c = 3·log(4a+2) - 5는 더 이상 직선이 아닙니다: 기울기 ∂c/∂a = 3 · (1/b) · 4가 a에 따라 바뀝니다. 역전파를 따라가며 log 게이트의 local gradient 1/b를 확인하세요.</translation>
    </message>
    <message>
        <source>2-layer MLP on a spiral batch</source>
        <translation>나선 데이터 배치의 2층 MLP</translation>
    </message>
    <message>
        <source>A batch of 36 points of a 3-class spiral goes through Dense(16, ReLU) and Dense(3) into softmax cross-entropy. Every value is a matrix now: select W1 or h1 to see them as heatmaps. Backward through matmul, ∂L/∂W1 = xᵀ · ∂L/∂z1; the bias gradient sums the batch.</source>
        <translation>클래스 3개인 나선 데이터에서 점 36개의 배치가 Dense(16, ReLU)와 Dense(3)을 지나 softmax 크로스 엔트로피로 들어갑니다. 이제 모든 값이 행렬입니다: W1이나 h1을 선택하면 히트맵으로 볼 수 있습니다. matmul의 역전파는 ∂L/∂W1 = xᵀ · ∂L/∂z1이고, 편향의 기울기는 배치에 대해 더한 값입니다.</translation>
    </message>
    <message>
        <source>784-100-10 Fashion-MNIST model</source>
        <translation>784-100-10 Fashion-MNIST 모델</translation>
    </message>
    <message>
        <source>Seed 001&apos;s Keras model: Dense(100, sigmoid, input_shape=(784,)) then Dense(10, softmax), here as a graph on a batch of 16 random images. W1 holds 78,400 weights; select it to see each hidden unit&apos;s 784 weights as a 28×28 image, its template, and the gradient the batch sends to each.</source>
        <translation>강의 노트 001의 Keras 모델입니다: Dense(100, sigmoid, input_shape=(784,)) 다음 Dense(10, softmax). 여기서는 무작위 이미지 16장의 배치에 대한 계산 그래프로 보여 줍니다. W1에는 가중치 78,400개가 있습니다. W1을 선택하면 은닉 유닛마다 가중치 784개를 28×28 이미지(템플릿)로, 그리고 배치가 각 가중치에 보내는 기울기를 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Python script (numpy)…</source>
        <translation>Python 스크립트 (numpy)…</translation>
    </message>
    <message>
        <source>PyTorch script (autograd)…</source>
        <translation>PyTorch 스크립트 (autograd)…</translation>
    </message>
    <message>
        <source>PyTorch model and training loop…</source>
        <translation>PyTorch 모델과 학습 루프…</translation>
    </message>
    <message>
        <source>Keras model and training…</source>
        <translation>Keras 모델과 학습…</translation>
    </message>
    <message>
        <source>The forward and backward lines of the code view as a script that checks every value and gradient</source>
        <translation>코드 패널의 순전파·역전파 코드를, 모든 값과 기울기를 확인하는 스크립트로 저장합니다</translation>
    </message>
    <message>
        <source>The graph with PyTorch tensors and .backward(), checking the same values and gradients</source>
        <translation>그래프를 PyTorch 텐서와 .backward()로 쓰고, 같은 값과 기울기인지 확인합니다</translation>
    </message>
    <message>
        <source>The model as nn.Sequential with its weights and data, trained with the same optimizer</source>
        <translation>모델을 가중치, 데이터와 함께 nn.Sequential로 쓰고, 같은 옵티마이저로 학습합니다</translation>
    </message>
    <message>
        <source>The model as keras.Sequential with its weights and data: compile and fit</source>
        <translation>모델을 가중치, 데이터와 함께 keras.Sequential로 씁니다: compile과 fit</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 모델 (*.keras)</translation>
    </message>
    <message>
        <source>The graph on the canvas is not a Keras-style model ({why}). Build one with Build MLP, open a .keras file, or train one in the Train workspace.</source>
        <translation>캔버스의 그래프는 Keras 방식의 모델이 아닙니다 ({why}). MLP 만들기로 만들거나, .keras 파일을 열거나, 학습 작업 공간에서 학습시키세요.</translation>
    </message>
    <message>
        <source>Could not export: {why}</source>
        <translation>내보낼 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Could not export {name}: {why}</source>
        <translation>{name}을(를) 내보낼 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Could not save a .keras file: {why}</source>
        <translation>.keras 파일을 저장할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Save model as .keras</source>
        <translation>모델을 .keras로 저장</translation>
    </message>
    <message>
        <source>Could not save {name}: {why}</source>
        <translation>{name}을(를) 저장할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>the graph has no output node</source>
        <translation>그래프에 출력 노드가 없습니다</translation>
    </message>
    <message>
        <source>Could not write {path}: {why}</source>
        <translation>{path}에 쓸 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Wrote {files}</source>
        <translation>저장했습니다: {files}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>View as PNG or SVG…</source>
        <translation>화면을 PNG 또는 SVG로…</translation>
    </message>
    <message>
        <source>Save model as .keras…</source>
        <translation>모델을 .keras로 저장…</translation>
    </message>
    <message>
        <source>A file Keras 3 opens with keras.models.load_model</source>
        <translation>Keras 3에서 keras.models.load_model로 여는 파일</translation>
    </message>
</context>
<context>
    <name>ExpressionBar</name>
    <message>
        <source>type an expression, e.g. f = (x + y) * z  or  out = sigmoid(w0*x0 + w1*x1 + w2)</source>
        <translation>식을 입력하세요. 예: f = (x + y) * z  또는  out = sigmoid(w0*x0 + w1*x1 + w2)</translation>
    </message>
    <message>
        <source>Type an expression such as  f = (x + y) * z</source>
        <translation>f = (x + y) * z 같은 식을 입력하세요</translation>
    </message>
    <message>
        <source>Cannot build this expression: {why}</source>
        <translation>이 식으로 그래프를 만들 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>The expression computes nothing; write  name = expression</source>
        <translation>식이 아무것도 계산하지 않습니다. 이름 = 식 꼴로 쓰세요</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복구할까요?</translation>
    </message>
    <message>
        <source>graphviz-nn did not close normally. Restore the unsaved graph{info}?</source>
        <translation>graphviz-nn이 정상적으로 종료되지 않았습니다. 저장하지 않은 그래프{info}를 복구할까요?</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>자동 저장 실패: {reason}</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}
Save your work yourself (Ctrl+S) until this is fixed.</source>
        <translation>자동 저장 실패: {reason}
문제가 해결될 때까지 직접 저장하세요 (Ctrl+S).</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>자동 저장 실패</translation>
    </message>
    <message>
        <source>The unsaved graph cannot be restored: {reason}
The recovery file is kept as {path}.</source>
        <translation>저장하지 않은 그래프를 복구할 수 없습니다: {reason}
복구 파일은 {path}에 남겨 두었습니다.</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>복구할 수 없음</translation>
    </message>
    <message>
        <source>Restored the unsaved graph; save it to keep it</source>
        <translation>저장하지 않은 그래프를 복구했습니다. 남기려면 저장하세요</translation>
    </message>
    <message>
        <source>Graphs and Keras models (*.json *.keras);;Graph files (*.json);;Keras models (*.keras);;All files (*)</source>
        <translation>그래프와 Keras 모델 (*.json *.keras);;그래프 파일 (*.json);;Keras 모델 (*.keras);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{name} (Keras model)</source>
        <translation>{name} (Keras 모델)</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>그래프 열기</translation>
    </message>
    <message>
        <source>Save graph as</source>
        <translation>그래프를 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save the changes to {name} before closing it?</source>
        <translation>닫기 전에 {name}의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}
The current graph is kept.</source>
        <translation>{name}을(를) 열 수 없습니다: {reason}
지금 그래프는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>다른 파일 열기…</translation>
    </message>
    <message>
        <source>Could not open file</source>
        <translation>파일을 열 수 없음</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>{name}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Opened {path}: step through it here, or train it in the Train workspace</source>
        <translation>{path}을(를) 열었습니다: 여기서 단계별로 따라가거나 학습 작업 공간에서 학습시키세요</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>열었습니다: {path}</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}
Your changes are not saved yet.</source>
        <translation>{name}을(를) 저장할 수 없습니다: {reason}
변경 사항은 아직 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Could not save file</source>
        <translation>파일을 저장할 수 없음</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>저장했습니다: {path}</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source> of {name} (autosaved {when})</source>
        <translation> ({name}, {when}에 자동 저장)</translation>
    </message>
    <message>
        <source>cannot lock {path}: {why}</source>
        <translation>{path}을(를) 잠글 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>another process holds it</source>
        <translation>다른 프로세스가 쓰고 있습니다</translation>
    </message>
    <message>
        <source>no permission to write in that folder</source>
        <translation>그 폴더에 쓸 권한이 없습니다</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Link Axis:</source>
        <translation>축 연결:</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>직접 지정</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>축 뒤집기</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>마우스로 조작</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>보이는 데이터만</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>자동 이동만</translation>
    </message>
</context>
<context>
    <name>GradientFlow</name>
    <message>
        <source>‖dW‖ per layer</source>
        <translation>층별 ‖dW‖</translation>
    </message>
    <message>
        <source>dead ReLU units</source>
        <translation>죽은 ReLU 유닛</translation>
    </message>
    <message>
        <source>share</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>At step {k}: no gradient yet.</source>
        <translation>스텝 {k}: 아직 기울기가 없습니다.</translation>
    </message>
    <message>
        <source>At step {k}: ‖dW‖ per layer {norms}.</source>
        <translation>스텝 {k}: 층별 ‖dW‖ {norms}.</translation>
    </message>
    <message>
        <source>‖dW‖ of {first} is {ratio}× that of {last}</source>
        <translation>{first}의 ‖dW‖는 {last}의 {ratio}배입니다</translation>
    </message>
    <message>
        <source>: the first layer hardly learns (vanishing gradients)</source>
        <translation>: 첫 층은 거의 학습되지 않습니다 (기울기 소실)</translation>
    </message>
    <message>
        <source> (previous run: {ratio}×)</source>
        <translation> (이전 실행: {ratio}배)</translation>
    </message>
    <message>
        <source>  Dead ReLU units: {shares}.</source>
        <translation>  죽은 ReLU 유닛: {shares}.</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <source>Train to see how each layer&apos;s weights and gradients spread, step by step: one row per layer, the oldest sample at the top.</source>
        <translation>학습하면 층마다 가중치와 기울기가 어떻게 퍼져 있는지 스텝별로 볼 수 있습니다: 층마다 한 줄, 가장 오래된 샘플이 맨 위입니다.</translation>
    </message>
    <message>
        <source>{layer}: weights</source>
        <translation>{layer}: 가중치</translation>
    </message>
    <message>
        <source>{layer}: gradients</source>
        <translation>{layer}: 기울기</translation>
    </message>
    <message>
        <source>{n} samples from step {first} (top) to step {last} (bottom); gradients by order of magnitude, the same axis for every layer.</source>
        <translation>스텝 {first}(위)부터 스텝 {last}(아래)까지 샘플 {n}개; 기울기는 자릿수(크기의 차수)로, 모든 층이 같은 축입니다.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;처음 상태&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>작업 기록</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>{name} 추가</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <source>Connect {src} → {dst}</source>
        <translation>{src} → {dst} 연결</translation>
    </message>
    <message>
        <source>Disconnect {name} port {port}</source>
        <translation>{name}의 포트 {port} 연결 해제</translation>
    </message>
    <message>
        <source>Rename {old} → {new}</source>
        <translation>이름 바꾸기 {old} → {new}</translation>
    </message>
    <message>
        <source>Set {name}</source>
        <translation>{name} 값 설정</translation>
    </message>
    <message>
        <source>Set {name}.{key}</source>
        <translation>{name}.{key} 설정</translation>
    </message>
    <message>
        <source>Differentiate the graph&apos;s end</source>
        <translation>그래프의 끝 노드로 미분</translation>
    </message>
    <message>
        <source>Differentiate {name}</source>
        <translation>미분할 노드: {name}</translation>
    </message>
    <message>
        <source>Move {n} nodes</source>
        <translation>노드 {n}개 이동</translation>
    </message>
    <message>
        <source>Move node</source>
        <translation>노드 이동</translation>
    </message>
    <message>
        <source>Replace graph</source>
        <translation>그래프 바꾸기</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>선택 항목 삭제</translation>
    </message>
    <message>
        <source>Delete wires</source>
        <translation>연결선 삭제</translation>
    </message>
    <message>
        <source>Delete wire</source>
        <translation>연결선 삭제</translation>
    </message>
    <message>
        <source>Move wire</source>
        <translation>연결선 옮기기</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Build MLP {sizes}</source>
        <translation>MLP {sizes} 만들기</translation>
    </message>
    <message>
        <source>Example {title}</source>
        <translation>예제 {title}</translation>
    </message>
    <message>
        <source>Expression {text}</source>
        <translation>식 {text}</translation>
    </message>
    <message>
        <source>Lesson graph {name}</source>
        <translation>레슨 그래프 {name}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>{shape}  min {min}  mean {mean}  max {max}</source>
        <translation>{shape}  최소 {min}  평균 {mean}  최대 {max}</translation>
    </message>
    <message>
        <source>min {min}</source>
        <translation>최소 {min}</translation>
    </message>
    <message>
        <source>mean {mean}</source>
        <translation>평균 {mean}</translation>
    </message>
    <message>
        <source>max {max}</source>
        <translation>최대 {max}</translation>
    </message>
    <message>
        <source>Heatmaps: blue is negative, white zero, red positive.</source>
        <translation>히트맵: 파란색은 음수, 흰색은 0, 빨간색은 양수입니다.</translation>
    </message>
    <message>
        <source>{name} ({kind})</source>
        <translation>{name} ({kind})</translation>
    </message>
    <message>
        <source>Forward step {i} of {n}: {node} computes its value from its inputs.</source>
        <translation>순전파 {n}단계 중 {i}단계: {node}의 값을 입력으로부터 계산합니다.</translation>
    </message>
    <message>
        <source>axis {list}</source>
        <translation>축 {list}</translation>
    </message>
    <message>
        <source>axes {list}</source>
        <translation>축 {list}</translation>
    </message>
    <message>
        <source>{name} has shape {small}, upstream × local has shape {big}: the forward pass broadcast {name}, so its gradient is summed over {axes} back to {small}.</source>
        <translation>{name}의 모양은 {small}이고 upstream × local의 모양은 {big}입니다. 순전파에서 {name}이(가) 브로드캐스트되었으므로, 기울기를 {axes}에 대해 더해 {small} 모양으로 되돌립니다.</translation>
    </message>
    <message>
        <source>from {node}, port {port}</source>
        <translation>{node}에서, 포트 {port}</translation>
    </message>
    <message>
        <source>from {node}</source>
        <translation>{node}에서</translation>
    </message>
    <message>
        <source>(later)</source>
        <translation>(나중에)</translation>
    </message>
    <message>
        <source>through port {port}</source>
        <translation>포트 {port}을(를) 거쳐</translation>
    </message>
    <message>
        <source>Backward step {i} of {n}: {call}</source>
        <translation>역전파 {n}단계 중 {i}단계: {call}</translation>
    </message>
    <message>
        <source>{o} is the output: the chain starts at ∂{o}/∂{o} = 1.</source>
        <translation>출력은 {o}입니다: 연쇄 법칙은 ∂{o}/∂{o} = 1에서 시작합니다.</translation>
    </message>
    <message>
        <source>{node} is used {k} times, so its upstream gradient is the sum of what each use sent back:</source>
        <translation>{node}은(는) {k}번 쓰였으므로, upstream gradient는 각 쓰임에서 돌려보낸 기울기의 합입니다:</translation>
    </message>
    <message>
        <source>downstream = upstream × local, for each input:</source>
        <translation>입력마다 downstream = upstream × local:</translation>
    </message>
    <message>
        <source>where {definition}</source>
        <translation>여기서 {definition}</translation>
    </message>
    <message>
        <source>{node} is used {k} times: ∂{o}/∂{node} adds up what every use sends back.</source>
        <translation>{node}은(는) {k}번 쓰였습니다: ∂{o}/∂{node}는 각 쓰임에서 돌려보내는 기울기를 모두 더한 값입니다.</translation>
    </message>
    <message>
        <source>local rule of {op}: {rules}</source>
        <translation>{op}의 local gradient 규칙: {rules}</translation>
    </message>
    <message>
        <source>Layer {title}, forward in one step: its {k} nodes one after the other.</source>
        <translation>{title} 층의 순전파를 한 단계로: 노드 {k}개를 차례로 계산합니다.</translation>
    </message>
    <message>
        <source>Layer {title}, backward in one step: the chain rule through its {k} nodes, from its output back to its input and weights.</source>
        <translation>{title} 층의 역전파를 한 단계로: 노드 {k}개를 지나며 출력에서 입력과 가중치까지 연쇄 법칙을 적용합니다.</translation>
    </message>
    <message>
        <source>{symbol} ({op}): {doc}</source>
        <translation>{symbol} ({op}): {doc}</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>{node} is used {k} times, so its gradient is the sum of what each use sends back:</source>
        <translation>{node}은(는) {k}번 쓰였으므로, 기울기는 각 쓰임에서 돌려보내는 기울기의 합입니다:</translation>
    </message>
    <message>
        <source>cannot compute: {why}</source>
        <translation>계산할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>예제</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>현재 단계</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <source>new value, e.g. -2 or [1, 2, 0]; Enter to apply</source>
        <translation>새 값, 예: -2 또는 [1, 2, 0]; Enter로 적용</translation>
    </message>
    <message>
        <source>Example: {title}</source>
        <translation>예제: {title}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number or a list of numbers</source>
        <translation>&apos;{text}&apos;: 수나 수의 리스트가 아닙니다</translation>
    </message>
    <message>
        <source>Not traced: {why}</source>
        <translation>추적할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Nothing to trace yet.</source>
        <translation>아직 추적할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Before the first step. Output: {out}.</source>
        <translation>첫 단계 전입니다. 출력: {out}.</translation>
    </message>
    <message>
        <source>Press Forward (or →) to compute values, then Backward.</source>
        <translation>순전파(또는 →)를 눌러 값을 계산한 다음 역전파를 누르세요.</translation>
    </message>
    <message>
        <source>Click a node to see its formula, value and gradient.</source>
        <translation>노드를 클릭하면 식, 값, 기울기를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Node {name}</source>
        <translation>노드 {name}</translation>
    </message>
    <message>
        <source>value of {name}</source>
        <translation>{name}의 값</translation>
    </message>
    <message>
        <source>gradient {grad}</source>
        <translation>기울기 {grad}</translation>
    </message>
    <message>
        <source>{title}: each hidden unit&apos;s weights as a {side}×{side} image (its template); {stats}</source>
        <translation>{title}: 은닉 유닛마다 가중치를 {side}×{side} 이미지(템플릿)로 보여 줍니다; {stats}</translation>
    </message>
    <message>
        <source>{title}: {stats}</source>
        <translation>{title}: {stats}</translation>
    </message>
    <message>
        <source>{title} (heatmap): {stats}</source>
        <translation>{title} (히트맵): {stats}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>레슨(&amp;L)</translation>
    </message>
    <message>
        <source>Show the Lessons panel</source>
        <translation>레슨 패널 보기</translation>
    </message>
    <message>
        <source>Open a lesson file…</source>
        <translation>레슨 파일 열기…</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>Open a lesson file</source>
        <translation>레슨 파일 열기</translation>
    </message>
    <message>
        <source>Lessons (*.toml)</source>
        <translation>레슨 (*.toml)</translation>
    </message>
    <message>
        <source>This lesson file cannot be used: {why}</source>
        <translation>이 레슨 파일은 쓸 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>All lessons ▾</source>
        <translation>모든 레슨 ▾</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>수</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>Download it when I train</source>
        <translation>학습할 때 내려받기</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Restart lesson</source>
        <translation>레슨 다시 시작</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Step {k} of {n}</source>
        <translation>{n}단계 중 {k}단계</translation>
    </message>
    <message>
        <source>Each lesson follows one of the lecture notes, step by step; the app checks each checkpoint as you work. Choose a lesson with All lessons ▾ or the Lessons menu.</source>
        <translation>레슨마다 강의 노트 하나를 단계별로 따라갑니다. 학습하는 동안 앱이 체크포인트를 확인합니다. 모든 레슨 ▾ 버튼이나 레슨 메뉴에서 레슨을 고르세요.</translation>
    </message>
    <message>
        <source>This step does not fit the app: {why}</source>
        <translation>이 단계는 앱과 맞지 않습니다: {why}</translation>
    </message>
    <message>
        <source>Checkpoint reached.</source>
        <translation>체크포인트 통과.</translation>
    </message>
    <message>
        <source>Type a number, such as -4 or 0.197.</source>
        <translation>-4나 0.197 같은 수를 입력하세요.</translation>
    </message>
    <message>
        <source>Not yet: try again.</source>
        <translation>아직 아닙니다: 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Checkpoint: do what the step asks; the app checks it as you work.</source>
        <translation>체크포인트: 단계에서 요청한 것을 하세요. 앱이 바로 확인합니다.</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>힌트</translation>
    </message>
    <message>
        <source>No {kind} files on this computer: this lesson goes on with the digits data set (8×8 pictures, 64 inputs). For {kind}, put its four files from &lt;a href=&quot;{page}&quot;&gt;{page}&lt;/a&gt; in a folder and press Choose folder…, or let Train download them (this needs the internet).</source>
        <translation>이 컴퓨터에 {kind} 파일이 없습니다: 이 레슨은 digits 데이터셋(8×8 그림, 입력 64개)으로 계속합니다. {kind}를 쓰려면 &lt;a href=&quot;{page}&quot;&gt;{page}&lt;/a&gt;의 파일 네 개를 한 폴더에 넣고 폴더 선택…을 누르거나, 학습할 때 내려받게 하세요 (인터넷이 필요합니다).</translation>
    </message>
    <message>
        <source>The four files: {names}; Train downloads them into {cache}</source>
        <translation>파일 네 개: {names}. 학습할 때 {cache}에 내려받습니다</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector</source>
        <translation>인스펙터</translation>
    </message>
    <message>
        <source>Example: {title}. Press Forward (F5), then step with → or Backward (F6).</source>
        <translation>예제: {title}. 순전파(F5)를 누른 다음 →로 한 단계씩 가거나 역전파(F6)를 누르세요.</translation>
    </message>
    <message>
        <source>Built {name} from the expression; select a leaf to change its value.</source>
        <translation>식으로 {name}을(를) 만들었습니다. 값을 바꾸려면 입력 노드를 선택하세요.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>새 언어는 다시 시작한 뒤에 적용됩니다.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>예제</translation>
    </message>
    <message>
        <source>Browse with explanations…</source>
        <translation>설명과 함께 둘러보기…</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>발표 모드</translation>
    </message>
    <message>
        <source>Large text, canvas and plots for a projector</source>
        <translation>프로젝터용으로 글자, 캔버스, 그래프를 크게 보여 줍니다</translation>
    </message>
    <message>
        <source>Larger text and canvas</source>
        <translation>글자와 캔버스 크게</translation>
    </message>
    <message>
        <source>Smaller text and canvas</source>
        <translation>글자와 캔버스 작게</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>작업 공간</translation>
    </message>
    <message>
        <source>{workspace} tools</source>
        <translation>{workspace} 도구</translation>
    </message>
    <message>
        <source>Examples ▾</source>
        <translation>예제 ▾</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>식</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>패널 위치 초기화</translation>
    </message>
    <message>
        <source>Put this workspace&apos;s panels back where they start</source>
        <translation>이 작업 공간의 패널을 처음 위치로 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>패널(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close graphviz-nn (asks about unsaved changes)</source>
        <translation>graphviz-nn을 닫습니다 (저장하지 않은 변경이 있으면 묻습니다)</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>이 메시지 닫기</translation>
    </message>
</context>
<context>
    <name>MlpBuilder</name>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 크로스 엔트로피</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>Build MLP</source>
        <translation>MLP 만들기</translation>
    </message>
    <message>
        <source>e.g. 16, 8  (empty: no hidden layer)</source>
        <translation>예: 16, 8  (비우면 은닉층 없음)</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>입력 크기</translation>
    </message>
    <message>
        <source>Hidden sizes</source>
        <translation>은닉층 크기</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Sample batch</source>
        <translation>샘플 배치 크기</translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <source>hidden layers: {why}</source>
        <translation>은닉층: {why}</translation>
    </message>
    <message>
        <source>hidden layers: at most 12</source>
        <translation>은닉층: 최대 12개</translation>
    </message>
    <message>
        <source>there is no canvas here to train from</source>
        <translation>여기에는 학습할 캔버스가 없습니다</translation>
    </message>
    <message>
        <source>the graph&apos;s input x takes {n} features per sample; the {data} data have {m}</source>
        <translation>그래프의 입력 x는 샘플마다 특성 {n}개를 받는데, {data} 데이터의 특성은 {m}개입니다</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>선택한 값</translation>
    </message>
    <message>
        <source>the opened model takes {n} inputs; the {data} data have {m} features</source>
        <translation>연 모델은 입력이 {n}개인데, {data} 데이터의 특성은 {m}개입니다</translation>
    </message>
    <message>
        <source>the {data} data are a regression (one number per sample): they need a model with one output and MSE loss</source>
        <translation>{data} 데이터는 회귀(샘플마다 수 하나)입니다: 출력이 하나이고 손실 함수가 MSE인 모델이 필요합니다</translation>
    </message>
    <message>
        <source>the opened model has {units} outputs; the {data} data have {classes} classes</source>
        <translation>연 모델은 출력이 {units}개인데, {data} 데이터의 클래스는 {classes}개입니다</translation>
    </message>
    <message>
        <source>the opened model&apos;s loss is {loss}; the training dock trains classifiers (softmax cross-entropy)</source>
        <translation>연 모델의 손실 함수는 {loss}입니다. 학습 패널은 분류 모델(softmax 크로스 엔트로피)만 학습합니다</translation>
    </message>
    <message>
        <source>MLP builder</source>
        <translation>MLP 만들기</translation>
    </message>
    <message>
        <source>graph on the canvas</source>
        <translation>캔버스의 그래프</translation>
    </message>
    <message>
        <source>Train an MLP built from the choices below, or the graph on the canvas (it needs an input x, a loss and param nodes)</source>
        <translation>아래 설정으로 만든 MLP나 캔버스의 그래프를 학습합니다 (그래프에는 입력 x, 손실, param 노드가 필요합니다)</translation>
    </message>
    <message>
        <source>Sizes of the hidden layers, e.g. 64,64 (empty: no hidden layer)</source>
        <translation>은닉층 크기, 예: 64,64 (비우면 은닉층 없음)</translation>
    </message>
    <message>
        <source>Activation of the hidden layers (the output is softmax)</source>
        <translation>은닉층의 활성화 함수 (출력층은 softmax)</translation>
    </message>
    <message>
        <source>Dropout after each hidden layer (0 = none)</source>
        <translation>은닉층마다 뒤에 붙는 드롭아웃 (0이면 없음)</translation>
    </message>
    <message>
        <source>Learning rate (too large and the loss explodes to NaN)</source>
        <translation>학습률 (너무 크면 손실이 NaN으로 발산합니다)</translation>
    </message>
    <message>
        <source>Share of the data held out to measure overfitting</source>
        <translation>과대적합을 재려고 떼어 두는 데이터의 비율</translation>
    </message>
    <message>
        <source>Same seed, same initial weights and shuffling</source>
        <translation>시드가 같으면 초기 가중치와 섞는 순서도 같습니다</translation>
    </message>
    <message>
        <source>show the model on the canvas</source>
        <translation>캔버스에 모델 보이기</translation>
    </message>
    <message>
        <source>Load the model&apos;s graph into the canvas when training starts; its values and weights refresh as it learns</source>
        <translation>학습을 시작하면 모델의 그래프를 캔버스에 불러옵니다. 학습하는 동안 값과 가중치가 갱신됩니다</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>opened model: {name}</source>
        <translation>연 모델: {name}</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>The graph on the canvas is what trains now. It is not made of Dense layers the diagram can draw: the canvas below shows its values and gradients. The diagram draws the models of the MLP builder and opened .keras models (Data and model &gt; model).</source>
        <translation>지금 학습하는 것은 캔버스의 그래프입니다. 이 그림이 그릴 수 있는 Dense 층으로 이루어져 있지 않으므로, 그 값과 기울기는 아래 캔버스에서 보세요. 이 그림은 MLP 만들기의 모델과 열어 둔 .keras 모델을 그립니다 (데이터와 모델 &gt; 모델).</translation>
    </message>
    <message>
        <source>The network of an image data set is drawn once its data has loaded: press Train.</source>
        <translation>이미지 데이터셋의 신경망은 데이터를 불러온 뒤에 그려집니다: 학습을 누르세요.</translation>
    </message>
    <message>
        <source>The model is not on the canvas: tick &apos;show the model on the canvas&apos; and train to see its nodes there</source>
        <translation>모델이 캔버스에 없습니다: &apos;캔버스에 모델 보이기&apos;를 켜고 학습하면 캔버스에서 노드를 볼 수 있습니다</translation>
    </message>
    <message>
        <source>input {k}: column {i} of x</source>
        <translation>입력 {k}: x의 {i}번 열</translation>
    </message>
    <message>
        <source>layer {k}, unit {u}: column {i} of W{k}, element {i} of b{k} and of z{k}</source>
        <translation>{k}층 유닛 {u}: W{k}의 {i}번 열, b{k}와 z{k}의 {i}번 원소</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Output ({act})</source>
        <translation>출력 ({act})</translation>
    </message>
    <message>
        <source>{n} {act}</source>
        <translation>{n} {act}</translation>
    </message>
    <message>
        <source>input {name}</source>
        <translation>입력 {name}</translation>
    </message>
    <message>
        <source>input {k}</source>
        <translation>입력 {k}</translation>
    </message>
    <message>
        <source>output unit {k}</source>
        <translation>출력 유닛 {k}</translation>
    </message>
    <message>
        <source>unit {k} of layer {layer}</source>
        <translation>{layer}층 유닛 {k}</translation>
    </message>
    <message>
        <source>W{layer}[{a}, {b}]: {src} → {dst}
weight {w:.4g}</source>
        <translation>W{layer}[{a}, {b}]: {src} → {dst}
가중치 {w:.4g}</translation>
    </message>
    <message>
        <source>gradient ∂L/∂w {g:.4g} (last step)</source>
        <translation>기울기 ∂L/∂w {g:.4g} (마지막 스텝)</translation>
    </message>
    <message>
        <source>gradient: not known yet (no step trained)</source>
        <translation>기울기: 아직 모름 (학습한 스텝 없음)</translation>
    </message>
    <message>
        <source>bias b{layer}[{k}] = {b:.4g}</source>
        <translation>편향 b{layer}[{k}] = {b:.4g}</translation>
    </message>
    <message>
        <source>on this plane: {lo:.3g} to {hi:.3g}</source>
        <translation>이 평면에서: {lo:.3g} ~ {hi:.3g}</translation>
    </message>
    <message>
        <source>white 0, class colour 1 (probability)</source>
        <translation>흰색 0, 클래스 색 1 (확률)</translation>
    </message>
    <message>
        <source>orange −{m:.3g}, white 0, blue +{m:.3g}</source>
        <translation>주황 −{m:.3g}, 흰색 0, 파랑 +{m:.3g}</translation>
    </message>
    <message>
        <source>maps are drawn for 2-D data sets</source>
        <translation>지도는 2차원 데이터셋에서 그립니다</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>유닛 {n}개</translation>
    </message>
</context>
<context>
    <name>OpDocs</name>
    <message>
        <source>Matrix product, e.g. a batch of inputs times a weight matrix.</source>
        <translation>행렬 곱. 예: 입력 배치 곱하기 가중치 행렬.</translation>
    </message>
    <message>
        <source>Sums over an axis (or all elements).</source>
        <translation>한 축을 따라 (또는 모든 원소를) 더합니다.</translation>
    </message>
    <message>
        <source>Averages over an axis (or all elements).</source>
        <translation>한 축을 따라 (또는 모든 원소의) 평균을 냅니다.</translation>
    </message>
    <message>
        <source>Squashes to (0, 1); the classic neuron of CS231n.</source>
        <translation>(0, 1) 사이로 눌러 줍니다. CS231n의 고전적인 뉴런입니다.</translation>
    </message>
    <message>
        <source>Squashes to (−1, 1).</source>
        <translation>(−1, 1) 사이로 눌러 줍니다.</translation>
    </message>
    <message>
        <source>Keeps positives, zeroes negatives; the gradient passes only where x &gt; 0.</source>
        <translation>양수는 그대로, 음수는 0으로 만듭니다. 기울기는 x &gt; 0인 곳으로만 흐릅니다.</translation>
    </message>
    <message>
        <source>Like ReLU but lets a small slope α through for negatives.</source>
        <translation>ReLU와 같지만 음수에서도 작은 기울기 α를 흘려보냅니다.</translation>
    </message>
    <message>
        <source>Smooth for negatives, saturating at −α.</source>
        <translation>음수에서 부드럽게 −α로 수렴합니다.</translation>
    </message>
    <message>
        <source>Turns scores into probabilities along an axis.</source>
        <translation>한 축을 따라 점수를 확률로 바꿉니다.</translation>
    </message>
    <message>
        <source>Data fed to the graph, e.g. an image batch or x in f(x, y).</source>
        <translation>그래프에 넣는 데이터. 예: 이미지 배치, f(x, y)의 x.</translation>
    </message>
    <message>
        <source>A trainable parameter (weight or bias): training updates its value.</source>
        <translation>학습할 수 있는 파라미터(가중치나 편향): 학습하면 값이 갱신됩니다.</translation>
    </message>
    <message>
        <source>A fixed number.</source>
        <translation>고정된 수.</translation>
    </message>
    <message>
        <source>Adds two tensors (numpy broadcasting); passes the upstream gradient unchanged to both.</source>
        <translation>두 텐서를 더합니다 (numpy 브로드캐스팅). upstream gradient를 두 입력에 그대로 전달합니다.</translation>
    </message>
    <message>
        <source>Subtracts b from a; the gradient to b is the upstream gradient negated.</source>
        <translation>a에서 b를 뺍니다. b로 가는 기울기는 upstream gradient의 부호를 바꾼 값입니다.</translation>
    </message>
    <message>
        <source>Negates its input.</source>
        <translation>입력의 부호를 바꿉니다.</translation>
    </message>
    <message>
        <source>Multiplies elementwise; each input&apos;s gradient is the upstream gradient times the other input.</source>
        <translation>원소별로 곱합니다. 각 입력의 기울기는 upstream gradient에 다른 입력을 곱한 값입니다.</translation>
    </message>
    <message>
        <source>Divides elementwise, computed as a times b to the power −1.</source>
        <translation>원소별로 나눕니다. a 곱하기 b의 −1 거듭제곱으로 계산합니다.</translation>
    </message>
    <message>
        <source>Raises to a constant power p.</source>
        <translation>상수 p만큼 거듭제곱합니다.</translation>
    </message>
    <message>
        <source>The absolute value; its derivative is the sign (0 at 0, as numpy&apos;s sign).</source>
        <translation>절댓값. 도함수는 부호입니다 (numpy의 sign처럼 0에서는 0).</translation>
    </message>
    <message>
        <source>The exponential; its derivative is itself.</source>
        <translation>지수 함수. 도함수는 자기 자신입니다.</translation>
    </message>
    <message>
        <source>The natural logarithm.</source>
        <translation>자연로그.</translation>
    </message>
    <message>
        <source>Mean squared error over all elements.</source>
        <translation>모든 원소에 대한 평균 제곱 오차.</translation>
    </message>
    <message>
        <source>Softmax and cross-entropy in one stable step (log-sum-exp); integer labels, batch mean.</source>
        <translation>softmax와 크로스 엔트로피를 안정적인 한 단계(log-sum-exp)로 계산합니다. 정수 레이블, 배치 평균.</translation>
    </message>
    <message>
        <source>Randomly zeroes a fraction p of the inputs while training, rescaling the rest.</source>
        <translation>학습하는 동안 입력 중 비율 p만큼을 무작위로 0으로 만들고, 나머지는 그만큼 키웁니다.</translation>
    </message>
</context>
<context>
    <name>OpFormulas</name>
    <message>
        <source>a @ b  (matrix product)</source>
        <translation>a @ b  (행렬 곱)</translation>
    </message>
    <message>
        <source>Σ x  (over axis, or everything)</source>
        <translation>Σ x  (axis 축을 따라, 또는 전체)</translation>
    </message>
    <message>
        <source>∂(Σx)/∂x = 1  (the upstream gradient is copied to every summed element)</source>
        <translation>∂(Σx)/∂x = 1  (upstream gradient를 더한 원소마다 그대로 복사합니다)</translation>
    </message>
    <message>
        <source>(1/n) Σ x  (over axis, or everything)</source>
        <translation>(1/n) Σ x  (axis 축을 따라, 또는 전체)</translation>
    </message>
    <message>
        <source>∂mean/∂x = 1/n  (for each of the n averaged elements)</source>
        <translation>∂mean/∂x = 1/n  (평균 낸 원소 n개 각각)</translation>
    </message>
    <message>
        <source>softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ  (max subtracted first)</source>
        <translation>softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ  (먼저 최댓값을 뺌)</translation>
    </message>
    <message>
        <source>value set by you</source>
        <translation>직접 정한 값</translation>
    </message>
    <message>
        <source>xᵖ  (p a constant)</source>
        <translation>xᵖ  (p는 상수)</translation>
    </message>
    <message>
        <source>mean over the batch of −log softmax(logits)[label]</source>
        <translation>배치에 대한 −log softmax(logits)[label]의 평균</translation>
    </message>
    <message>
        <source>labels are integers: no gradient</source>
        <translation>레이블은 정수: 기울기 없음</translation>
    </message>
    <message>
        <source>x · mask / (1 − p) while training (mask ~ Bernoulli(1 − p)); x when evaluating</source>
        <translation>학습 중에는 x · mask / (1 − p) (mask ~ Bernoulli(1 − p)); 평가할 때는 x</translation>
    </message>
    <message>
        <source>∂/∂x = mask / (1 − p) while training, 1 when evaluating</source>
        <translation>∂/∂x = 학습 중에는 mask / (1 − p), 평가할 때는 1</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>산술</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <source>forward: {formula}</source>
        <translation>순전파: {formula}</translation>
    </message>
    <message>
        <source>local: {rule}</source>
        <translation>local: {rule}</translation>
    </message>
    <message>
        <source>attributes: {attrs}</source>
        <translation>속성: {attrs}</translation>
    </message>
    <message>
        <source>Search ops…</source>
        <translation>연산 찾기…</translation>
    </message>
    <message>
        <source>Add op…</source>
        <translation>연산 추가…</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>팔레트</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>그래프 옵션</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>변환</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>다운샘플</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>투명도</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Presentation scale {percent}%</source>
        <translation>발표 배율 {percent}%</translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>Quiz: predict, then reveal</source>
        <translation>퀴즈: 예측한 뒤 확인하기</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>정답 보기</translation>
    </message>
    <message>
        <source>Step backward (→) to get a question. Forward steps are free.</source>
        <translation>역전파 단계로 가면(→) 문제가 나옵니다. 순전파 단계는 문제 없이 지나갑니다.</translation>
    </message>
    <message>
        <source>This step is shown already (by Backward, or by auto-run after an edit): the quiz asks only about steps still hidden. Go back to the start (Home) and step with → to be asked each step.</source>
        <translation>이 단계는 이미 보입니다 (역전파를 눌렀거나 편집 후 자동 실행되었습니다). 퀴즈는 아직 가려진 단계만 묻습니다. 처음으로 돌아가(Home) →로 한 단계씩 나아가면 단계마다 묻습니다.</translation>
    </message>
    <message>
        <source>the local derivative</source>
        <translation>local gradient</translation>
    </message>
    <message>
        <source>local ∂{n}/∂{i}:  {rule}  =</source>
        <translation>local ∂{n}/∂{i}:  {rule}  =</translation>
    </message>
    <message>
        <source>local ∂{n}/∂{i}:  {rule}</source>
        <translation>local ∂{n}/∂{i}:  {rule}</translation>
    </message>
    <message>
        <source>upstream × local</source>
        <translation>upstream × local</translation>
    </message>
    <message>
        <source>downstream ∂{o}/∂{i} =</source>
        <translation>downstream ∂{o}/∂{i} =</translation>
    </message>
    <message>
        <source>downstream ∂{o}/∂{i}: a {shape} tensor, not asked</source>
        <translation>downstream ∂{o}/∂{i}: {shape} 텐서라서 묻지 않습니다</translation>
    </message>
    <message>
        <source> (score so far {right}/{asked})</source>
        <translation> (지금까지 점수 {right}/{asked})</translation>
    </message>
    <message>
        <source>{n} received upstream ∂{o}/∂{n} = {up}. First each local derivative from its rule (the values are on the canvas), then what {n} sends down: upstream × local. Enter moves on.{score}</source>
        <translation>{n}에 들어온 upstream gradient는 ∂{o}/∂{n} = {up}입니다. 먼저 규칙에 따라 각 local gradient를 구하고 (값은 캔버스에 있습니다), 그다음 {n}에서 아래로 보내는 기울기 upstream × local을 구하세요. Enter를 누르면 다음 칸으로 갑니다.{score}</translation>
    </message>
    <message>
        <source>Nothing here is one number to predict: Reveal shows the tensors.</source>
        <translation>예측할 수 하나가 없습니다: 정답 보기를 누르면 텐서를 보여 줍니다.</translation>
    </message>
    <message>
        <source>✗ {what}: &apos;{text}&apos; is not a number; it is {truth}</source>
        <translation>✗ {what}: &apos;{text}&apos;은(는) 수가 아닙니다. 정답은 {truth}</translation>
    </message>
    <message>
        <source>✓ {what}: right, {truth}</source>
        <translation>✓ {what}: 맞았습니다, {truth}</translation>
    </message>
    <message>
        <source>✗ {what}: you said {guess}, it is {truth}</source>
        <translation>✗ {what}: {guess}라고 답했지만 정답은 {truth}</translation>
    </message>
    <message>
        <source>score {right}/{asked}</source>
        <translation>점수 {right}/{asked}</translation>
    </message>
</context>
<context>
    <name>TimeTravel</name>
    <message>
        <source>branch from step {k}</source>
        <translation>스텝 {k}에서 갈라진 실행</translation>
    </message>
    <message>
        <source>Branch from step {k}: {optimizer}, learning rate {lr}, fresh optimizer state, the same data and seed.</source>
        <translation>스텝 {k}에서 갈라진 실행: {optimizer}, 학습률 {lr}, 옵티마이저 상태는 새로, 데이터와 시드는 같게.</translation>
    </message>
    <message>
        <source>Time travel: drag back to see the model as it was at that step (every view); arrow keys move from one kept snapshot to the next</source>
        <translation>시간 여행: 뒤로 끌면 그 스텝의 모델을 모든 시각화에서 볼 수 있습니다. 화살표 키로 저장된 스냅숏 사이를 이동합니다</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>Back to the newest step</source>
        <translation>가장 최근 스텝으로</translation>
    </message>
    <message>
        <source>Continue from here</source>
        <translation>여기서 이어서 학습</translation>
    </message>
    <message>
        <source>Train a new branch from the weights of the step shown (fresh optimizer, same data and seed); the run stays on the curves</source>
        <translation>보이는 스텝의 가중치에서 새 갈래를 학습합니다 (옵티마이저는 새로, 데이터와 시드는 같게). 원래 실행은 곡선에 남습니다</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>비교…</translation>
    </message>
    <message>
        <source>Two runs side by side, the same seed and data, one setting different (trained step for step)</source>
        <translation>시드와 데이터는 같고 설정 하나만 다른 두 실행을 나란히 (스텝마다 함께 학습)</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>아직 실행 없음</translation>
    </message>
    <message>
        <source>live: step {n}</source>
        <translation>실시간: 스텝 {n}</translation>
    </message>
    <message>
        <source>step {k} of {n}</source>
        <translation>스텝 {k} / {n}</translation>
    </message>
    <message>
        <source>The trainer is still busy with a step; try again.</source>
        <translation>학습이 아직 스텝을 계산하는 중입니다. 다시 해 보세요.</translation>
    </message>
    <message>
        <source>at step {k}</source>
        <translation>스텝 {k}에서</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline: every step of the forward and the backward pass</source>
        <translation>타임라인: 순전파와 역전파의 모든 단계</translation>
    </message>
    <message>
        <source>no trace</source>
        <translation>추적 없음</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 단계/초</translation>
    </message>
    <message>
        <source>Play speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>start (0/{n}): press Forward or Step</source>
        <translation>시작 (0/{n}): 순전파나 한 단계를 누르세요</translation>
    </message>
    <message>
        <source>forward {k}/{n}: {node}</source>
        <translation>순전파 {k}/{n}: {node}</translation>
    </message>
    <message>
        <source>backward {k}/{n}: {node}</source>
        <translation>역전파 {k}/{n}: {node}</translation>
    </message>
</context>
<context>
    <name>TrainWorkspace</name>
    <message>
        <source>Views</source>
        <translation>시각화</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>Data and model</source>
        <translation>데이터와 모델</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>a progress message it cannot read ({problem})</source>
        <translation>읽을 수 없는 진행 메시지 ({problem})</translation>
    </message>
    <message>
        <source> (exit code {code})</source>
        <translation> (종료 코드 {code})</translation>
    </message>
    <message>
        <source>the training process ended unexpectedly{code}{why}</source>
        <translation>학습 프로세스가 예기치 않게 끝났습니다{code}{why}</translation>
    </message>
    <message>
        <source>the training process sent a result this window cannot read ({problem}); the weights are those of the last snapshot</source>
        <translation>학습 프로세스가 이 창에서 읽을 수 없는 결과를 보냈습니다 ({problem}). 가중치는 마지막 스냅숏의 값입니다</translation>
    </message>
</context>
<context>
    <name>TrainingDock</name>
    <message>
        <source>Training is running on the graph on the canvas: stop it (Stop) to edit the graph; you can still select nodes and step through it</source>
        <translation>캔버스의 그래프로 학습하는 중입니다: 그래프를 편집하려면 학습을 중지하세요 (중지). 노드를 선택하고 단계별로 따라가는 것은 지금도 할 수 있습니다</translation>
    </message>
    <message>
        <source>The canvas shows the model being trained: its weights refresh every few seconds; Pause to step through it, Stop to edit it</source>
        <translation>캔버스에 학습 중인 모델이 보입니다: 가중치는 몇 초마다 갱신됩니다. 단계별로 따라가려면 일시정지, 편집하려면 중지하세요</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>학습 중지</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Start a new run (the last run stays faded on the plots)</source>
        <translation>새로 학습합니다 (지난 실행은 그래프에 흐리게 남습니다)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Pause between two steps / resume</source>
        <translation>스텝 사이에서 일시정지 / 재개</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Step one batch</source>
        <translation>배치 하나 진행</translation>
    </message>
    <message>
        <source>Run exactly one batch, then pause</source>
        <translation>배치 하나만 실행하고 일시정지합니다</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <source>Start again from fresh random weights</source>
        <translation>새 무작위 가중치로 다시 시작합니다</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>  ·  {rate} steps/s  ·  {time} left</source>
        <translation>  ·  {rate} 스텝/초  ·  {time} 남음</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs}  ·  step {step}/{total}  ·  loss {loss}</source>
        <translation>에포크 {epoch}/{epochs}  ·  스텝 {step}/{total}  ·  손실 {loss}</translation>
    </message>
    <message>
        <source>weights reset: ready to train</source>
        <translation>가중치 초기화: 학습할 준비가 되었습니다</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs}  ·  step {step}/{total}  ·  loss –  (weights reset)</source>
        <translation>에포크 {epoch}/{epochs}  ·  스텝 {step}/{total}  ·  손실 –  (가중치 초기화됨)</translation>
    </message>
    <message>
        <source>the validation split leaves no training data</source>
        <translation>검증 비율이 커서 훈련 데이터가 남지 않습니다</translation>
    </message>
    <message>
        <source>{name}: {n} samples but {m} labels</source>
        <translation>{name}: 샘플은 {n}개인데 레이블은 {m}개입니다</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 파일…</translation>
    </message>
    <message>
        <source>plane (regression)</source>
        <translation>plane (회귀)</translation>
    </message>
    <message>
        <source>multi gaussian (regression)</source>
        <translation>multi gaussian (회귀)</translation>
    </message>
    <message>
        <source>2-D problems as in TensorFlow Playground (two of them regression), scikit-learn&apos;s 8×8 digits, MNIST / Fashion-MNIST, or your own CSV</source>
        <translation>TensorFlow Playground의 2차원 문제(그중 둘은 회귀), scikit-learn의 8×8 digits, MNIST / Fashion-MNIST, 또는 직접 준비한 CSV</translation>
    </message>
    <message>
        <source>How much the points scatter around the ideal shape</source>
        <translation>점이 이상적인 모양 주위로 흩어지는 정도</translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation>점의 개수</translation>
    </message>
    <message>
        <source>cache (download once)</source>
        <translation>캐시 (한 번만 내려받기)</translation>
    </message>
    <message>
        <source>folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>folder with the IDX .gz files, or a CSV file</source>
        <translation>IDX .gz 파일이 있는 폴더, 또는 CSV 파일</translation>
    </message>
    <message>
        <source>last column</source>
        <translation>마지막 열</translation>
    </message>
    <message>
        <source>Name (or 0-based number) of the CSV column holding the labels; empty means the last column</source>
        <translation>레이블이 있는 CSV 열의 이름 (또는 0부터 센 번호); 비우면 마지막 열</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <source>size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>features</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>source</source>
        <translation>가져올 곳</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>label column</source>
        <translation>레이블 열</translation>
    </message>
    <message>
        <source>choose a CSV file first (the … button)</source>
        <translation>먼저 CSV 파일을 고르세요 (… 버튼)</translation>
    </message>
    <message>
        <source>points can be painted on 2-D data only</source>
        <translation>점은 2차원 데이터에만 그릴 수 있습니다</translation>
    </message>
    <message>
        <source>choose the folder holding the IDX .gz files first (the … button)</source>
        <translation>먼저 IDX .gz 파일이 있는 폴더를 고르세요 (… 버튼)</translation>
    </message>
    <message>
        <source>loading {kind}…</source>
        <translation>{kind} 불러오는 중…</translation>
    </message>
    <message>
        <source>Folder with the {kind} files</source>
        <translation>{kind} 파일이 있는 폴더</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>CSV 파일 열기</translation>
    </message>
    <message>
        <source>Folder with the IDX .gz files</source>
        <translation>IDX .gz 파일이 있는 폴더</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Model and optimizer</source>
        <translation>모델과 옵티마이저</translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation>모델 요약</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>기울기 흐름</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>오차 행렬</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <source>Cannot train: {why}</source>
        <translation>학습할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Loading the data set…</source>
        <translation>데이터셋을 불러오는 중…</translation>
    </message>
    <message>
        <source>Training failed: {why}</source>
        <translation>학습 실패: {why}</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>Training stopped after step {step}.</source>
        <translation>{step}번째 스텝 후 학습을 중지했습니다.</translation>
    </message>
    <message>
        <source>Training finished: {steps} steps, loss {loss}.</source>
        <translation>학습 완료: {steps} 스텝, 손실 {loss}.</translation>
    </message>
    <message>
        <source>Could not refresh the canvas: {why}</source>
        <translation>캔버스를 갱신할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>“Lower the learning rate” divides it by 10 (to {low}), puts back fresh weights and goes on.</source>
        <translation>“학습률 낮추기”는 학습률을 10으로 나누고 ({low}), 가중치를 새로 초기화한 뒤 계속합니다.</translation>
    </message>
    <message>
        <source>the parameters were returned to their last finite values</source>
        <translation>파라미터를 마지막으로 유한했던 값으로 되돌렸습니다</translation>
    </message>
    <message>
        <source>some parameters are still not finite</source>
        <translation>아직 유한하지 않은 파라미터가 있습니다</translation>
    </message>
    <message>
        <source>Training paused at step {step}: node &apos;{node}&apos; became NaN or infinite; {restored}. The learning rate ({lr}) is probably too large: try a lower learning rate. {action} Or change it yourself, then Resume (Reset weights first if the weights have grown huge).</source>
        <translation>{step}번째 스텝에서 학습을 멈췄습니다: 노드 &apos;{node}&apos;의 값이 NaN 또는 무한대가 되었습니다. {restored}. 학습률({lr})이 너무 큰 것 같습니다: 더 낮은 학습률을 써 보세요. {action} 또는 직접 바꾼 뒤 재개하세요 (가중치가 너무 커졌다면 먼저 가중치 초기화를 누르세요).</translation>
    </message>
    <message>
        <source>at step {step}</source>
        <translation>{step}번째 스텝에서</translation>
    </message>
    <message>
        <source>over epoch {epoch}</source>
        <translation>{epoch}번째 에포크 동안</translation>
    </message>
    <message>
        <source>Training paused: the loss diverged. It grew from {first} at the first step to {loss} {where}, and a network whose loss has grown this much has stopped learning. The learning rate ({lr}) is too large: try a lower learning rate. {action} Or change it yourself, then Resume.</source>
        <translation>학습을 멈췄습니다: 손실이 발산했습니다. 첫 스텝의 {first}에서 {where} {loss}까지 커졌고, 손실이 이만큼 커진 신경망은 더 이상 학습하지 못합니다. 학습률({lr})이 너무 큽니다: 더 낮은 학습률을 써 보세요. {action} 또는 직접 바꾼 뒤 재개하세요.</translation>
    </message>
    <message>
        <source>{kind} cannot be loaded: {why}. Press “Choose folder…” to load it from a folder holding its files.</source>
        <translation>{kind}를 불러올 수 없습니다: {why}. “폴더 선택…”을 눌러 파일이 있는 폴더에서 불러오세요.</translation>
    </message>
    <message>
        <source>{kind} cannot be loaded: {why}. It needs four files: {a}, {b}, {c} and {d}, published at {source} (the files Keras downloads). Download them where there is a network, put them in one folder, and press “Choose folder…” to load them from there; the folder is remembered.</source>
        <translation>{kind}를 불러올 수 없습니다: {why}. 파일 네 개가 필요합니다: {a}, {b}, {c}, {d} ({source}에 공개된, Keras가 내려받는 파일). 네트워크가 되는 곳에서 내려받아 한 폴더에 넣고 “폴더 선택…”을 눌러 불러오세요. 폴더는 기억해 둡니다.</translation>
    </message>
    <message>
        <source>Nothing to reset yet: train a model first.</source>
        <translation>아직 초기화할 것이 없습니다: 먼저 모델을 학습하세요.</translation>
    </message>
    <message>
        <source>The trainer is still busy with a step; try again.</source>
        <translation>학습이 아직 스텝을 계산하는 중입니다. 다시 해 보세요.</translation>
    </message>
    <message>
        <source>with fresh weights</source>
        <translation>새 가중치로</translation>
    </message>
    <message>
        <source>Weights back to their values before training.</source>
        <translation>가중치를 학습 전 값으로 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Weights reset to fresh random values (Glorot uniform, zero biases).</source>
        <translation>가중치를 새 무작위 값으로 초기화했습니다 (Glorot 균등분포, 편향은 0).</translation>
    </message>
    <message>
        <source>Cannot resume: {why}</source>
        <translation>재개할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Resuming with learning rate {lr}.</source>
        <translation>학습률 {lr}(으)로 재개합니다.</translation>
    </message>
    <message>
        <source>Lower the learning rate</source>
        <translation>학습률 낮추기</translation>
    </message>
    <message>
        <source>a value became NaN or infinite</source>
        <translation>값이 NaN 또는 무한대가 되었습니다</translation>
    </message>
    <message>
        <source>the loss diverged</source>
        <translation>손실이 발산했습니다</translation>
    </message>
    <message>
        <source>Training paused after step {step}: {why} (the message above says what to do).</source>
        <translation>{step}번째 스텝 뒤에 학습을 멈췄습니다: {why} (위의 메시지에 할 일이 있습니다).</translation>
    </message>
    <message>
        <source>paired runs train a model of the MLP builder in the trainer process</source>
        <translation>나란히 실행은 MLP 만들기 모델을 학습 프로세스에서 학습합니다</translation>
    </message>
    <message>
        <source>Training on a thread: the trainer process did not start ({why}).</source>
        <translation>스레드에서 학습합니다: 학습 프로세스를 시작하지 못했습니다 ({why}).</translation>
    </message>
    <message>
        <source>Show the model being trained</source>
        <translation>학습 중인 모델 보기</translation>
    </message>
    <message>
        <source>Could not show the model on the canvas: {why}</source>
        <translation>캔버스에 모델을 보여 줄 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>per layer</source>
        <translation>층별</translation>
    </message>
    <message>
        <source>regularization</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>usual: {lr}</source>
        <translation>보통: {lr}</translation>
    </message>
    <message>
        <source>Set the learning rate to {optimizer}&apos;s usual {lr}</source>
        <translation>학습률을 {optimizer}에서 보통 쓰는 {lr}(으)로 설정합니다</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 스텝/초</translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation>{n} 스텝/초</translation>
    </message>
    <message>
        <source>How fast training runs: slow enough to watch the decision boundary grow, or full speed</source>
        <translation>학습 속도: 결정 경계가 자라는 모습을 볼 수 있게 천천히, 또는 최고 속도로</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>the graph on the canvas needs an input node named x for the data</source>
        <translation>캔버스의 그래프에 데이터를 받을 입력 노드 x가 필요합니다</translation>
    </message>
    <message>
        <source>the graph on the canvas has no loss to minimise (softmax_cross_entropy or mse)</source>
        <translation>캔버스의 그래프에 최소화할 손실이 없습니다 (softmax_cross_entropy 또는 mse)</translation>
    </message>
    <message>
        <source>the loss {name} needs its targets from an input node</source>
        <translation>손실 {name}의 정답은 입력 노드에서 받아야 합니다</translation>
    </message>
    <message>
        <source>the graph on the canvas has no param nodes to train</source>
        <translation>캔버스의 그래프에 학습할 param 노드가 없습니다</translation>
    </message>
    <message>
        <source>the graph cannot compute {name}: {why}</source>
        <translation>그래프에서 {name}을(를) 계산할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>The model&apos;s output is drawn for 2-D data sets ({names}, the regression sets, a CSV of two feature columns).</source>
        <translation>모델의 출력은 2차원 데이터셋({names}, 회귀 데이터셋, 특성 열이 두 개인 CSV)에서 그립니다.</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>크로스 엔트로피</translation>
    </message>
    <message>
        <source>loss = {loss} + {penalty} penalty</source>
        <translation>손실 = {loss} + {penalty} 페널티</translation>
    </message>
    <message>
        <source>loss ({loss})</source>
        <translation>손실 ({loss})</translation>
    </message>
    <message>
        <source>regression: MSE, no accuracy</source>
        <translation>회귀: MSE, 정확도 없음</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Train trains the graph on the canvas.</source>
        <translation>학습을 누르면 캔버스의 그래프를 학습합니다.</translation>
    </message>
    <message>
        <source>Choose a data file to see the model&apos;s table.</source>
        <translation>모델 표를 보려면 데이터 파일을 고르세요.</translation>
    </message>
    <message>
        <source>The data or the model changed: training starts over from fresh weights.</source>
        <translation>데이터나 모델이 바뀌었습니다: 새 가중치로 학습을 다시 시작합니다.</translation>
    </message>
    <message>
        <source>The data or the model changed: the paused run stopped; Train starts a new one.</source>
        <translation>데이터나 모델이 바뀌었습니다: 일시정지한 실행을 멈췄습니다. 학습을 누르면 새로 시작합니다.</translation>
    </message>
    <message>
        <source>This data cannot be used: {why}</source>
        <translation>이 데이터는 쓸 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Activation of hidden layer {k}</source>
        <translation>은닉층 {k}의 활성화 함수</translation>
    </message>
    <message>
        <source>A weight penalty on every Dense layer&apos;s kernel, added to the loss (Keras&apos;s kernel_regularizer): L1 = rate·Σ|w|, L2 = rate·Σw²</source>
        <translation>모든 Dense 층의 가중치(kernel)에 주는 페널티로, 손실에 더해집니다 (Keras의 kernel_regularizer): L1 = rate·Σ|w|, L2 = rate·Σw²</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>규제 강도</translation>
    </message>
    <message>
        <source>Drag to move, wheel to zoom</source>
        <translation>끌어서 이동, 휠로 확대/축소</translation>
    </message>
    <message>
        <source>Click to add a point of the chosen class, drag to spray points</source>
        <translation>클릭하면 고른 클래스의 점을 추가하고, 끌면 점을 뿌립니다</translation>
    </message>
    <message>
        <source>Click or drag over points to erase them</source>
        <translation>점을 클릭하거나 끌어서 지웁니다</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Add points</source>
        <translation>점 추가</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>The class of the points you add</source>
        <translation>추가할 점의 클래스</translation>
    </message>
    <message>
        <source>The value of the points you add (a regression set: −1 orange to +1 blue)</source>
        <translation>추가할 점의 값 (회귀 데이터셋: 주황 −1부터 파랑 +1까지)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <source>Remove every point, to paint a data set of your own</source>
        <translation>모든 점을 지웁니다. 직접 데이터셋을 그려 보세요</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>클래스 {k}</translation>
    </message>
    <message>
        <source>Give the model the input feature {f} (a column computed from each point&apos;s x₁, x₂)</source>
        <translation>모델에 입력 특성 {f}를 줍니다 (각 점의 x₁, x₂로 계산한 열)</translation>
    </message>
    <message>
        <source>show test data</source>
        <translation>테스트 데이터 보이기</translation>
    </message>
    <message>
        <source>Also draw the validation (test) points, with a dark outline; the model never trains on them</source>
        <translation>검증(테스트) 점도 진한 테두리로 그립니다. 모델은 이 점으로 학습하지 않습니다</translation>
    </message>
    <message>
        <source>discretize output</source>
        <translation>출력 이산화</translation>
    </message>
    <message>
        <source>Draw the model&apos;s output in two colours (the class it predicts, or the sign for regression) instead of a gradient</source>
        <translation>모델의 출력을 그러데이션 대신 두 색(예측한 클래스, 회귀에서는 부호)으로 그립니다</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>Draw the points of this problem again with a new seed (painted points go)</source>
        <translation>새 시드로 이 문제의 점을 다시 만듭니다 (직접 그린 점은 사라집니다)</translation>
    </message>
    <message>
        <source>The model needs at least one input feature: tick another before unticking {f}.</source>
        <translation>모델에는 입력 특성이 하나 이상 필요합니다: {f}를 끄기 전에 다른 특성을 켜세요.</translation>
    </message>
    <message>
        <source>The model Train makes, as Keras&apos;s model.summary() prints it</source>
        <translation>학습에서 만드는 모델을 Keras의 model.summary()처럼 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>zeros</source>
        <translation>0으로 채우기</translation>
    </message>
    <message>
        <source>ones</source>
        <translation>1로 채우기</translation>
    </message>
    <message>
        <source>random normal</source>
        <translation>정규분포 난수</translation>
    </message>
    <message>
        <source>Glorot uniform</source>
        <translation>Glorot 균등분포</translation>
    </message>
    <message>
        <source>a shape is whole numbers like 3, 4; got {part}</source>
        <translation>모양은 3, 4처럼 정수로 씁니다. 입력한 값: {part}</translation>
    </message>
    <message>
        <source>dimension {n} is out of range (1 to 100000)</source>
        <translation>차원 {n}: 범위(1~100000)를 벗어났습니다</translation>
    </message>
    <message>
        <source>that tensor is too big (more than 5 million numbers)</source>
        <translation>텐서가 너무 큽니다 (수가 500만 개를 넘습니다)</translation>
    </message>
    <message>
        <source>Set tensor value</source>
        <translation>텐서 값 설정</translation>
    </message>
    <message>
        <source>shape, e.g. 3, 4 (empty: a number)</source>
        <translation>모양, 예: 3, 4 (비우면 수 하나)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Set {name} as a tensor</source>
        <translation>{name} 값을 텐서로 설정</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>&apos;{text}&apos;: 수가 아닙니다</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>{shape} (empty)</source>
        <translation>{shape} (비어 있음)</translation>
    </message>
    <message>
        <source>{shape}  mean {mean}  min {min}  max {max}</source>
        <translation>{shape}  평균 {mean}  최소 {min}  최대 {max}</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>보기 옵션</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>축</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>마우스 모드</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>세 버튼</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>한 버튼</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Cannot export {path}: {why}</source>
        <translation>{path}: 내보낼 수 없습니다 ({why})</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>내보냈습니다: {path}</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>출력 없음</translation>
    </message>
    <message>
        <source>Nothing to check: {why}</source>
        <translation>확인할 것이 없습니다: {why}</translation>
    </message>
    <message>
        <source>Checking gradients against central differences…</source>
        <translation>기울기를 중심 차분으로 구한 값과 비교하는 중…</translation>
    </message>
    <message>
        <source>Check numerically failed: {why}</source>
        <translation>수치 미분 확인에 실패했습니다: {why}</translation>
    </message>
    <message>
        <source>The graph changed during the check; run it again.</source>
        <translation>확인하는 동안 그래프가 바뀌었습니다. 다시 실행하세요.</translation>
    </message>
    <message>
        <source>All gradients agree with central differences.</source>
        <translation>모든 기울기가 중심 차분으로 구한 값과 일치합니다.</translation>
    </message>
    <message>
        <source>Gradients disagree with central differences at: {names}</source>
        <translation>중심 차분으로 구한 값과 기울기가 다른 노드: {names}</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>Explore</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Step through the forward and backward passes: canvas, timeline, inspector and quiz</source>
        <translation>순전파와 역전파를 한 단계씩 따라갑니다: 캔버스, 타임라인, 인스펙터, 퀴즈</translation>
    </message>
    <message>
        <source>Build a graph by hand: palette, canvas, inspector and undo history</source>
        <translation>그래프를 직접 만듭니다: 팔레트, 캔버스, 인스펙터, 작업 기록</translation>
    </message>
    <message>
        <source>Train a network and watch it learn: settings, curves, decision boundary, gradient flow</source>
        <translation>신경망을 학습시키며 지켜봅니다: 설정, 학습 곡선, 결정 경계, 기울기 흐름</translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <translation>{tip} ({keys})</translation>
    </message>
    <message>
        <source>Unread message: {text}</source>
        <translation>읽지 않은 메시지: {text}</translation>
    </message>
</context>
</TS>
