<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Canvas</name>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>The network&apos;s outputs are not finite numbers with these weights (they have grown too large): no matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after step {step}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after epoch {epoch}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{right} of {total} validation samples right ({share}%).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Restore unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>graphviz-nn did not close normally. Restore the unsaved graph{info}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: {reason}
Save your work yourself (Ctrl+S) until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved graph cannot be restored: {reason}
The recovery file is kept as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the unsaved graph; save it to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}
The current graph is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}
Your changes are not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of {name} (autosaved {when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot lock {path}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another process holds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission to write in that folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
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
    <name>MainWindow</name>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse with explanations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{workspace} tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this workspace&apos;s panels back where they start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
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
    <name>Palette</name>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>Quiz: predict, then reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step backward (→) to get a question. Forward steps are free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local derivative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local ∂{n}/∂{i}:  {rule}  =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local ∂{n}/∂{i}:  {rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream × local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downstream ∂{o}/∂{i} =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downstream ∂{o}/∂{i}: a {shape} tensor, not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (score so far {right}/{asked})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} received upstream ∂{o}/∂{n} = {up}. First each local derivative from its rule (the values are on the canvas), then what {n} sends down: upstream × local. Enter moves on.{score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here is one number to predict: Reveal shows the tensors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ {what}: &apos;{text}&apos; is not a number; it is {truth}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ {what}: right, {truth}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ {what}: you said {guess}, it is {truth}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score {right}/{asked}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Stop training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDock</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>Explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through the forward and backward passes: canvas, timeline, inspector and quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a graph by hand: palette, canvas, inspector and undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a network and watch it learn: settings, curves, decision boundary, gradient flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread message: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
